const counts = new Intl.NumberFormat("en-US");

/** A count as people read it: 12,345. */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "1 row", "2 rows". */
export function plural(value: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(value)} ${value === 1 ? noun : pluralNoun}`;
}

/** A 0x address shortened to 0x1234…abcd. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
