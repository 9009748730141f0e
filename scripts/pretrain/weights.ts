/** Writes trained weights as a Hugging Face folder with float16 tensors (half the bytes of float32). */
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportHfCheckpoint, type ModelConfig, type ReadonlyParams } from "../../lib/ml";
import { loadSafetensors, saveSafetensors, type TensorInput } from "../../lib/ml/io/safetensors";

/** Largest finite IEEE half value: weights beyond it would be stored as infinity. */
const FLOAT16_MAX = 65504;

/** What was written. */
export interface WrittenWeights {
  file: string;
  bytes: number;
  dtype: "F16";
}

/**
 * Exports config.json and model.safetensors (the engine's F32 writer), then re-encodes the tensors as F16
 * and marks config.json's torch_dtype "float16", as Hugging Face does for half-precision checkpoints.
 */
export async function writeWeights(dir: string, config: ModelConfig, params: ReadonlyParams): Promise<WrittenWeights> {
  await exportHfCheckpoint(dir, { config, params });
  const file = path.join(dir, "model.safetensors");
  const { tensors, metadata } = await loadSafetensors(file);
  const halves = new Map<string, TensorInput>();
  for (const [name, tensor] of tensors) {
    const data = tensor.data as Float32Array;
    for (const value of data) {
      if (!(Math.abs(value) <= FLOAT16_MAX))
        throw new Error(`tensor "${name}" holds ${value}: not storable as float16`);
    }
    halves.set(name, { dtype: "F16", shape: tensor.shape, data });
  }
  await saveSafetensors(file, halves, { metadata });
  const configFile = path.join(dir, "config.json");
  const json = JSON.parse(await readFile(configFile, "utf8")) as Record<string, unknown>;
  await writeFile(configFile, `${JSON.stringify({ ...json, torch_dtype: "float16" }, null, 2)}\n`);
  return { file, bytes: (await stat(file)).size, dtype: "F16" };
}
