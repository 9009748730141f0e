/** "0.25 OPEN" / "Free" for a price per 1,000 tokens in OPEN. */
export function formatPrice(pricePer1k: string): string {
  return Number(pricePer1k) === 0 ? "Free" : `${pricePer1k} OPEN`;
}

/** Bytes as KiB/MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
