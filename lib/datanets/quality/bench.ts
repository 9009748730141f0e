/**
 * Throughput of the quality checks on 100,000 generated ~500-byte rows with exact duplicates, near-duplicates
 * and PII sprinkled in. Not a test: run with `node --import tsx lib/datanets/quality/bench.ts [rows]`.
 */
import type { TextRow } from "../kinds";
import { normalizedHash, rowHash } from "./hash";
import { keccakUsesWasm } from "./keccak";
import { lshBandKeys, NearDuplicateIndex } from "./lsh";
import { minhashSignature } from "./minhash";
import { scanRow } from "./pii";
import { type QualityRow, qualityReport } from "./report";

const count = Number(process.argv[2] ?? 100_000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(42);
const vocabulary = Array.from({ length: 5000 }, (_, i) => {
  let w = "";
  const len = 2 + (i % 9);
  for (let k = 0; k < len; k++) w += String.fromCharCode(97 + Math.floor(random() * 26));
  return w;
});
const word = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;

function sentence(bytes: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const w = word();
    words.push(w);
    length += w.length + 1;
  }
  return `${words.join(" ")}.`;
}

const pii = [
  "write to jane.roe@example.org",
  "call +1 415 555 2671",
  "card 4111 1111 1111 1111",
  'api_key = "a8Fz93kLq0PzX7wR2mN5"',
  "token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
];

const rows: QualityRow[] = [];
let exact = 0;
let near = 0;
let withPii = 0;
for (let i = 0; i < count; i++) {
  const r = random();
  let text: string;
  if (i > 100 && r < 0.02) {
    const source = (rows[Math.floor(random() * rows.length)] as QualityRow).fields as TextRow;
    text = `  ${source.text.toUpperCase()}!!`;
    exact++;
  } else if (i > 100 && r < 0.04) {
    const source = ((rows[Math.floor(random() * rows.length)] as QualityRow).fields as TextRow).text.split(" ");
    source[Math.floor(random() * source.length)] = word();
    text = source.join(" ");
    near++;
  } else {
    text = sentence(500);
    if (r > 0.995) {
      text = `${text} ${pii[Math.floor(random() * pii.length)]}`;
      withPii++;
    }
  }
  rows.push({ file: "bench.jsonl", line: i + 1, fields: { text } });
}
const bytes = rows.reduce((s, r) => s + (r.fields as TextRow).text.length, 0);
console.log(
  `${count} rows, ${(bytes / count).toFixed(0)} chars/row avg; planted: ${exact} exact, ${near} near, ${withPii} PII; keccak via ${keccakUsesWasm ? "WebAssembly" : "js-sha3"}`,
);

// The machine may be shared: besides wall-clock rows/s, print rows per second of this process's CPU time.
function line(label: string, wallMs: number, cpu: NodeJS.CpuUsage): string {
  const wall = wallMs / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (s: number) => Math.round(count / s).toLocaleString("en-US");
  return `${label.padEnd(34)} ${rate(wall).padStart(9)} rows/s wall (${wall.toFixed(2)} s), ${rate(cpuSeconds).padStart(9)} rows/s per CPU-second`;
}

function measure(label: string, fn: () => void): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  console.log(line(label, performance.now() - start, process.cpuUsage(cpu)));
}

let sink = 0;
measure("rowHash", () => {
  for (const r of rows) sink += rowHash(r.fields).length;
});
measure("normalizedHash", () => {
  for (const r of rows) sink += normalizedHash(r.fields).length;
});
measure("MinHash signature + LSH query/add", () => {
  const index = new NearDuplicateIndex<number>();
  rows.forEach((r, i) => {
    const sig = minhashSignature(r.fields);
    const keys = lshBandKeys(sig);
    if (index.query(sig, 0.8, keys)) sink++;
    index.add(i, sig, keys);
  });
});
measure("PII scan", () => {
  for (const r of rows) sink += scanRow(r.fields).length;
});

const before = process.memoryUsage();
const cpu = process.cpuUsage();
const start = performance.now();
const report = await qualityReport(rows);
console.log(line("qualityReport (all checks)", performance.now() - start, process.cpuUsage(cpu)));
const after = process.memoryUsage();
const plantedPii = rows.filter((r) =>
  pii.some((p) => (r.fields as TextRow).text.toLowerCase().includes(p.toLowerCase())),
);
console.log("counts", report.counts, "score", report.score);
console.log(`rows containing a planted PII snippet (originals and their copies): ${plantedPii.length}`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(
  `memory held after the report: heap +${mb(after.heapUsed - before.heapUsed)}, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}; ` +
    `peak RSS of the whole run ${mb(process.resourceUsage().maxRSS * 1024)} (includes the generated rows and earlier phases)`,
);
if (sink < 0) console.log(sink);
