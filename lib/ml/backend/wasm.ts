import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

/** The folder of tfjs-backend-wasm's .wasm binaries in node_modules (ends with a separator). */
export function wasmBinaryFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm")) + path.sep;
}

/** Activates the wasm backend with its binaries read from disk (no fetch); reports SIMD and threads. */
export async function activateWasm(): Promise<{ simd: boolean; threads: number }> {
  setWasmPaths(wasmBinaryFolder());
  if (!(await tf.setBackend("wasm"))) throw new Error("the wasm backend failed to initialise");
  await tf.ready();
  const simd = Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
  return { simd, threads: getThreadsCount() };
}
