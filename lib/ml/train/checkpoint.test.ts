import { describe, expect, it } from "vitest";
import { writeSafetensors } from "../io/safetensors";
import { CHECKPOINT_METADATA_KEY, type Checkpoint, loadCheckpoint, saveCheckpoint } from "./checkpoint";

describe("checkpoint bytes", () => {
  const checkpoint: Checkpoint = {
    step: 7,
    seed: 42,
    dataPosition: { file: "a.txt", offset: 1234 },
    weights: new Map([["layers.0.attn.q.lora_a", { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) }]]),
    optimizer: {
      step: 7,
      m: new Map([["layers.0.attn.q.lora_a", Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])]]),
      v: new Map([["layers.0.attn.q.lora_a", Float32Array.from([1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3])]]),
    },
    validation: { best: 1.25, sinceBest: 1 },
  };

  it("round-trips weights, optimizer state, position, seed and validation state", () => {
    expect(loadCheckpoint(saveCheckpoint(checkpoint))).toEqual(checkpoint);
  });

  it("rejects safetensors files that are not checkpoints", () => {
    const bytes = writeSafetensors({ x: { dtype: "F32", shape: [1], data: Float32Array.from([1]) } });
    expect(() => loadCheckpoint(bytes)).toThrow(CHECKPOINT_METADATA_KEY);
  });
});
