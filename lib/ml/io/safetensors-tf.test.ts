import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { readSafetensors, writeSafetensors } from "./safetensors";
import { decodeTfTensors, encodeTfTensors, fromTfTensor, toTfTensor } from "./safetensors-tf";

describe("safetensors ⇄ tf.Tensor", () => {
  it("round-trips float32, int32 and bool tensors", async () => {
    const before = tf.memory().numTensors;
    const tensors = {
      "h.0.attn.c_attn.weight": tf.tensor2d([
        [1, -2.5],
        [3, 4],
      ]),
      positions: tf.tensor1d([0, 1, 2], "int32"),
      mask: tf.tensor1d([true, false], "bool"),
    };
    const bytes = await encodeTfTensors(tensors, { metadata: { format: "pt" } });
    const { tensors: back, metadata } = decodeTfTensors(bytes);
    expect(metadata).toEqual({ format: "pt" });
    for (const [name, original] of Object.entries(tensors)) {
      const copy = back.get(name) as tf.Tensor;
      expect(copy.dtype).toBe(original.dtype);
      expect(copy.shape).toEqual(original.shape);
      expect(await copy.data()).toEqual(await original.data());
    }
    tf.dispose([...Object.values(tensors), ...back.values()]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("writes float32 as F16 or BF16 on request and reads them back as float32", async () => {
    const weights = tf.tensor1d([1, -2.5, 65504]);
    const bytes = await encodeTfTensors({ w: weights }, { floatDtype: "F16" });
    expect(readSafetensors(bytes).tensors.get("w")?.dtype).toBe("F16");
    const { tensors } = decodeTfTensors(bytes);
    const w = tensors.get("w") as tf.Tensor;
    expect(w.dtype).toBe("float32");
    expect(Array.from(await w.data())).toEqual([1, -2.5, 65504]);
    const bf = readSafetensors(await encodeTfTensors({ w: weights }, { floatDtype: "BF16" })).tensors.get("w");
    expect(bf?.dtype).toBe("BF16");
    tf.dispose([weights, w]);
  });

  it("turns integer dtypes into int32, refusing values that do not fit", async () => {
    const ok = toTfTensor({ dtype: "I64", shape: [2], data: BigInt64Array.of(-5n, 7n) });
    expect(ok.dtype).toBe("int32");
    expect(Array.from(await ok.data())).toEqual([-5, 7]);
    const u8 = toTfTensor({ dtype: "U8", shape: [1, 2], data: Uint8Array.of(0, 255) });
    expect([u8.dtype, u8.shape]).toEqual(["int32", [1, 2]]);
    const f64 = toTfTensor({ dtype: "F64", shape: [1], data: Float64Array.of(0.5) });
    expect(f64.dtype).toBe("float32");
    expect(() => toTfTensor({ dtype: "I64", shape: [1], data: BigInt64Array.of(2n ** 40n) }, "ids")).toThrow(
      /tensor "ids": element 0 .* int32/,
    );
    tf.dispose([ok, u8, f64]);
  });

  it("fromTfTensor gives writer input", async () => {
    const t = tf.tensor2d([[1, 2, 3]], [1, 3], "int32");
    const input = await fromTfTensor(t, { dtype: "I64" });
    const back = readSafetensors(writeSafetensors({ t: input })).tensors.get("t");
    expect(back).toEqual({ dtype: "I64", shape: [1, 3], data: BigInt64Array.of(1n, 2n, 3n) });
    t.dispose();
  });
});
