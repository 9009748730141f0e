import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import type { LlamaConfig } from "./config";
import { ropeInverseFrequencies, rotaryTables, rotateHalfMatrix } from "./rope";
import { TINY_LLAMA } from "./test-configs";

const config = (overrides: Partial<LlamaConfig>): LlamaConfig => ({ ...TINY_LLAMA, head_dim: 64, ...overrides });

describe("RoPE", () => {
  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
  });

  it("uses inverse frequencies 1/θ^(2i/d)", () => {
    const inverse = ropeInverseFrequencies(config({ rope_theta: 10000 }));
    expect(inverse).toHaveLength(32);
    inverse.forEach((value, i) => {
      expect(value).toBeCloseTo(1 / 10000 ** ((2 * i) / 64), 7);
    });
  });

  it("scales them linearly, or Llama 3's way: high frequencies kept, low ones divided, a blend between", () => {
    const plain = ropeInverseFrequencies(config({ rope_theta: 500000 }));
    const linear = ropeInverseFrequencies(
      config({ rope_theta: 500000, rope_scaling: { rope_type: "linear", factor: 4 } }),
    );
    linear.forEach((value, i) => {
      expect(value).toBeCloseTo((plain[i] as number) / 4, 9);
    });
    const llama3 = ropeInverseFrequencies(
      config({
        rope_theta: 500000,
        rope_scaling: {
          rope_type: "llama3",
          factor: 32,
          low_freq_factor: 1,
          high_freq_factor: 4,
          original_max_position_embeddings: 8192,
        },
      }),
    );
    const wavelength = (i: number) => (2 * Math.PI) / (plain[i] as number);
    for (let i = 0; i < 32; i++) {
      const value = llama3[i] as number;
      const base = plain[i] as number;
      if (wavelength(i) < 8192 / 4) expect(value).toBe(base);
      else if (wavelength(i) > 8192) expect(value).toBeCloseTo(base / 32, 9);
      else expect(value > base / 32 && value < base).toBe(true);
    }
  });

  it("tabulates cos and sin of position × frequency, halves repeated", () => {
    const inverse = new Float32Array([1, 0.5]);
    const { cos, sin } = rotaryTables(inverse, [3]);
    expect(Array.from(cos)).toEqual([Math.cos(3), Math.cos(1.5), Math.cos(3), Math.cos(1.5)].map(Math.fround));
    expect(Array.from(sin)).toEqual([Math.sin(3), Math.sin(1.5), Math.sin(3), Math.sin(1.5)].map(Math.fround));
  });

  it("rotates halves with one matmul: x @ R = [−x₂, x₁]", () => {
    tf.tidy(() => {
      const rotated = tf.matMul(tf.tensor2d([[1, 2, 3, 4]]), rotateHalfMatrix(4));
      expect(Array.from(rotated.dataSync())).toEqual([-3, -4, 1, 2]);
    });
  });
});
