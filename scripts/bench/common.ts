/** Shared pieces of the ML engine benchmarks (scripts/bench/*.ts): the reference model and statistics. */
import { type BackendInfo, type LoraConfig, type ModelConfig, parseModelConfig } from "../../lib/ml";

/** Sequences per training batch in the reference configuration. */
export const BATCH = 16;
/** Context length of the reference configuration. */
export const CONTEXT = 64;

/** The reference model: GPT-2 family, byte vocabulary 256, d_model 128, 4 heads, 2 layers. */
export function referenceConfig(positions = CONTEXT): ModelConfig {
  return parseModelConfig({
    model_type: "gpt2",
    vocab_size: 256,
    n_positions: positions,
    n_embd: 128,
    n_head: 4,
    n_layer: 2,
  });
}

/** The reference LoRA: rank 8, alpha 16, no dropout, on q, k, v, o. */
export const REFERENCE_LORA: LoraConfig = { rank: 8, alpha: 16, dropout: 0, targetModules: ["q", "k", "v", "o"] };

/** The median (the upper one for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/** A positive integer option, or an error naming it. */
export function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}

/** A short description of the engine's backend, e.g. "wasm simd, accelerators: wasm-heap-view". */
export function describeBackend(info: BackendInfo): string {
  const skipped = (info.skippedAccelerators ?? []).map(({ name, reason }) => `; ${name} skipped: ${reason}`).join("");
  return `${info.name}${info.simd ? " simd" : ""}, accelerators: ${info.accelerators.join(", ") || "none"}${skipped}`;
}

/** Prints rows as a left-aligned table with a header. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
