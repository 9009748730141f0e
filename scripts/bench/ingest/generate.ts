/** The benchmark's data: ~500-byte labelled rows with some exact duplicates, near-duplicates and PII, as CSV and JSONL. */

const WORDS = (
  "the of and to in a is that for it as was with be by on not he this are or his from at which but have an " +
  "they you were her she there been one all we their has would when if so no will more out up into do any " +
  "your what has man could other than then its only time new some these two may first well also after " +
  "block chain model data token reward review contributor dataset version merkle proof signature quality"
).split(" ");

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` rows of {text, label}: ~2% exact duplicates, ~2% near-duplicates, ~0.5% with an e-mail address. */
export function generateRows(count: number, seed = 1): { text: string; label: string }[] {
  const next = random(seed);
  const rows: { text: string; label: string }[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.02 && rows.length > 0) {
      rows.push({ ...(rows[Math.floor(next() * rows.length)] as { text: string; label: string }) });
      continue;
    }
    if (roll < 0.04 && rows.length > 0) {
      const twin = rows[Math.floor(next() * rows.length)] as { text: string; label: string };
      rows.push({ text: `${twin.text} indeed`, label: twin.label });
      continue;
    }
    const words: string[] = [];
    let length = 0;
    while (length < 480) {
      const word = WORDS[Math.floor(next() * WORDS.length)] as string;
      words.push(word);
      length += word.length + 1;
    }
    if (roll > 0.995) words.push(`write to user${i}@example.org`);
    rows.push({ text: `Row ${i}: ${words.join(" ")}.`, label: next() < 0.5 ? "positive" : "negative" });
  }
  return rows;
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function toCsv(rows: readonly { text: string; label: string }[]): Uint8Array {
  const lines = ["text,label", ...rows.map((r) => `${csvCell(r.text)},${csvCell(r.label)}`)];
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

export function toJsonl(rows: readonly { text: string; label: string }[]): Uint8Array {
  return new TextEncoder().encode(`${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
}
