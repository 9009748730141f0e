/** The most a model may charge per 1,000 tokens, in OPEN (the same bound as the server's pricePer1kSchema). */
export const MAX_PRICE_PER_1K_OPEN = 1_000_000;

/**
 * What is wrong with a typed price per 1,000 tokens in OPEN, or null when the server will accept it: the rules of
 * lib/factory/publish/publish-args.ts pricePer1kSchema, without its server-only imports (kept in step by a test).
 */
export function priceProblem(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d+(\.\d{1,18})?$/.test(trimmed)) return "A number of OPEN such as 0.25, with at most 18 decimals.";
  if (Number(trimmed) > MAX_PRICE_PER_1K_OPEN) {
    return `At most ${MAX_PRICE_PER_1K_OPEN.toLocaleString("en")} OPEN per 1,000 tokens.`;
  }
  return null;
}
