import * as tf from "@tensorflow/tfjs";
import { readSafetensors, type TensorInput, writeSafetensors } from "../io/safetensors";
import type { AdamWState } from "./adamw";
import type { JsonValue } from "./batch";

/** Metadata key of a checkpoint's JSON state in the safetensors file. */
export const CHECKPOINT_METADATA_KEY = "modelfactory.train";
const FORMAT = 1;

/**
 * A training checkpoint as plain data: trainable weights, optimizer state, the number of steps done, the
 * data source's position, the run's seed (every random draw is derived from seed and step) and the
 * early-stopping state.
 */
export interface Checkpoint {
  /** Optimizer steps completed. */
  step: number;
  /** Seed of the run. */
  seed: number;
  /** The data source's position after `step` steps. */
  dataPosition: JsonValue;
  /** Trainable weights by parameter name, with their shapes. */
  weights: Map<string, { shape: number[]; data: Float32Array }>;
  optimizer: AdamWState;
  /** Best validation loss so far and evaluations since it improved (early stopping). */
  validation?: { best: number; sinceBest: number };
}

/** Reads trainable variables into checkpoint weights. */
export function snapshotWeights(trainable: ReadonlyMap<string, tf.Tensor>): Checkpoint["weights"] {
  return new Map(
    [...trainable].map(([name, t]) => [
      name,
      { shape: [...t.shape], data: Float32Array.from(t.dataSync() as Float32Array) },
    ]),
  );
}

/** Assigns checkpoint weights to trainable variables (every variable must be in the checkpoint). */
export function restoreWeights(trainable: ReadonlyMap<string, tf.Variable>, weights: Checkpoint["weights"]): void {
  for (const [name, variable] of trainable) {
    const saved = weights.get(name);
    if (!saved) throw new Error(`checkpoint lacks trainable parameter "${name}"`);
    if (saved.shape.join() !== variable.shape.join()) {
      throw new Error(`checkpoint "${name}" has shape [${saved.shape}], the variable [${variable.shape}]`);
    }
    tf.tidy(() => variable.assign(tf.tensor(saved.data, saved.shape, "float32")));
  }
}

/**
 * Safetensors bytes of a checkpoint: tensors `weights/<name>`, `adam_m/<name>`, `adam_v/<name>` (F32);
 * step, seed, data position, optimizer step and validation state as JSON in __metadata__.
 */
export function saveCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const tensors = new Map<string, TensorInput>();
  for (const [name, { shape, data }] of checkpoint.weights)
    tensors.set(`weights/${name}`, { dtype: "F32", shape, data });
  for (const [prefix, store] of [
    ["adam_m", checkpoint.optimizer.m],
    ["adam_v", checkpoint.optimizer.v],
  ] as const) {
    for (const [name, data] of store) {
      const shape = checkpoint.weights.get(name)?.shape ?? [data.length];
      tensors.set(`${prefix}/${name}`, { dtype: "F32", shape, data });
    }
  }
  const state = {
    format: FORMAT,
    step: checkpoint.step,
    seed: checkpoint.seed,
    dataPosition: checkpoint.dataPosition,
    optimizerStep: checkpoint.optimizer.step,
    validation: checkpoint.validation ?? null,
  };
  return writeSafetensors(tensors, { metadata: { [CHECKPOINT_METADATA_KEY]: JSON.stringify(state) } });
}

/** Parses checkpoint bytes written by {@link saveCheckpoint}. */
export function loadCheckpoint(bytes: Uint8Array): Checkpoint {
  const { tensors, metadata } = readSafetensors(bytes);
  const raw = metadata[CHECKPOINT_METADATA_KEY];
  if (raw === undefined) throw new Error(`not a training checkpoint: no "${CHECKPOINT_METADATA_KEY}" metadata`);
  const state = JSON.parse(raw) as {
    format: number;
    step: number;
    seed: number;
    dataPosition: JsonValue;
    optimizerStep: number;
    validation: { best: number; sinceBest: number } | null;
  };
  if (state.format !== FORMAT) throw new Error(`unsupported checkpoint format ${state.format}`);
  const weights: Checkpoint["weights"] = new Map();
  const m = new Map<string, Float32Array>();
  const v = new Map<string, Float32Array>();
  for (const [key, tensor] of tensors) {
    const slash = key.indexOf("/");
    const prefix = key.slice(0, slash);
    const name = key.slice(slash + 1);
    if (!(tensor.data instanceof Float32Array)) throw new Error(`checkpoint tensor "${key}" is not F32`);
    if (prefix === "weights") weights.set(name, { shape: [...tensor.shape], data: tensor.data });
    else if (prefix === "adam_m") m.set(name, tensor.data);
    else if (prefix === "adam_v") v.set(name, tensor.data);
    else throw new Error(`unexpected checkpoint tensor "${key}"`);
  }
  return {
    step: state.step,
    seed: state.seed,
    dataPosition: state.dataPosition,
    weights,
    optimizer: { step: state.optimizerStep, m, v },
    ...(state.validation ? { validation: state.validation } : {}),
  };
}
