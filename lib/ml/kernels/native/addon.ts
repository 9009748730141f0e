import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The functions of the mf_native addon (src/mf_native.c). */
export interface NativeAddon {
  /**
   * For each of `batch` items: c[i] = op(a[i]) @ op(b[i]) + beta·c[i], row-major, strides in elements
   * (0 reuses one matrix for every item).
   */
  sgemm(
    transposeA: number,
    transposeB: number,
    batch: number,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    strideA: number,
    b: Float32Array,
    strideB: number,
    c: Float32Array,
    beta: number,
  ): void;
  /** Sets OpenBLAS's thread count; returns the count in effect. */
  setThreads(threads: number): number;
  /** OpenBLAS's build description. */
  blasConfig(): string;
}

const SOURCE = fileURLToPath(new URL("./src/mf_native.c", import.meta.url));
const BINARY = fileURLToPath(new URL("./build/mf_native.node", import.meta.url));
const STAMP = fileURLToPath(new URL("./build/mf_native.json", import.meta.url));
const BUILD_HINT = "run `node scripts/native/build.mjs` (needs gcc and libopenblas0-pthread)";

type LoadResult = { addon: NativeAddon } | { reason: string };
let loaded: LoadResult | undefined;

function threadCount(): number {
  const value = process.env.ML_NATIVE_THREADS;
  const threads = value === undefined || value === "" ? 1 : Number(value);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`ML_NATIVE_THREADS must be a positive integer, got "${value}"`);
  }
  return threads;
}

function load(): LoadResult {
  if (process.env.ML_NATIVE === "off") return { reason: "switched off (ML_NATIVE=off)" };
  if (!existsSync(BINARY)) return { reason: `not built; ${BUILD_HINT}` };
  // A binary older than its source lacks kernels the TypeScript side calls.
  const sourceHash = createHash("sha256").update(readFileSync(SOURCE)).digest("hex");
  const stamp = existsSync(STAMP) ? (JSON.parse(readFileSync(STAMP, "utf8")) as { sourceHash?: string }) : {};
  if (stamp.sourceHash !== sourceHash) return { reason: `built from an older source; ${BUILD_HINT}` };
  try {
    const addon = createRequire(import.meta.url)(BINARY) as NativeAddon;
    addon.setThreads(threadCount());
    return { addon };
  } catch (error) {
    return { reason: `failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The addon, or why it cannot be used in this process (loaded once). */
export function nativeAddon(): LoadResult {
  loaded ??= load();
  return loaded;
}
