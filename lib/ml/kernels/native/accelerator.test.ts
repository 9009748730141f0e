import { spawnSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAccelerator, installedAccelerators, uninstallAccelerator } from "../../backend/accelerators";
import { initBackend } from "../../backend/init";
import { createLoraAdapter } from "../../lora/adapter";
import { initParams } from "../../model/params";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "../../model/test-configs";
import type { TrainBatch } from "../../train/batch";
import { accumulateGradients } from "../../train/gradients";
import { randomTensor, relativeDifference } from "../test-helpers";
import { nativeKernels } from "./accelerator";
import { nativeAddon } from "./addon";
import { NATIVE_ACCELERATOR } from "./name";

const openBlasInstalled = spawnSync("ldconfig", ["-p"], { encoding: "utf8" }).stdout?.includes("libopenblas.so.0");
const loaded = nativeAddon();
const available = "addon" in loaded;
const native = nativeKernels();

/** Runs f on pure wasm (the heap-view kernels only), then with the native kernels; returns both results. */
function bothPaths<T>(f: () => T): [T, T] {
  uninstallAccelerator(native);
  const wasm = f();
  expect(installAccelerator(native)).toBe(true);
  const accelerated = f();
  return [wasm, accelerated];
}

describe("native kernels", () => {
  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
  });
  afterAll(() => {
    if (available) installAccelerator(native);
  });

  it("are built wherever OpenBLAS is installed, and installed by default", () => {
    if (openBlasInstalled && process.env.ML_NATIVE !== "off") {
      expect("reason" in loaded ? loaded.reason : undefined).toBeUndefined();
      expect(installedAccelerators("wasm")).toContain(NATIVE_ACCELERATOR);
    } else {
      expect(native.unavailableReason()).toMatch(/native kernels/);
      expect(installedAccelerators("wasm")).not.toContain(NATIVE_ACCELERATOR);
    }
  });

  describe.runIf(available)("with the addon", () => {
    it.each([
      ["plain 2-D", [5, 6], [6, 3], false, false],
      ["batched", [4, 5, 6], [4, 6, 3], false, false],
      ["transposed a", [4, 6, 5], [4, 6, 3], true, false],
      ["transposed b", [2, 2, 5, 6], [2, 2, 3, 6], false, true],
      ["both transposed", [3, 6, 5], [3, 3, 6], true, true],
      ["broadcast b", [4, 5, 6], [6, 3], false, false],
      ["broadcast a, transposed", [6, 5], [4, 3, 6], true, true],
      ["large", [3, 130, 70], [70, 90], false, false],
    ] as const)("BatchMatMul gives the wasm backend's numbers (%s)", (_, aShape, bShape, transposeA, transposeB) => {
      const a = randomTensor([...aShape], 1);
      const b = randomTensor([...bShape], 2);
      const [wasm, accelerated] = bothPaths(() => tf.matMul(a, b, transposeA, transposeB));
      expect(accelerated.shape).toEqual(wasm.shape);
      expect(relativeDifference(accelerated, wasm)).toBeLessThan(1e-6);
      tf.dispose([a, b, wasm, accelerated]);
    });

    it("gives zeros for an empty inner dimension", () => {
      const [wasm, accelerated] = bothPaths(() => tf.matMul(tf.zeros([2, 0]), tf.zeros([0, 3])));
      expect(Array.from(accelerated.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
      tf.dispose([wasm, accelerated]);
    });

    it("rejects an operand smaller than its shape instead of reading past it", () => {
      if (!("addon" in loaded)) return;
      const small = new Float32Array(3);
      expect(() =>
        loaded.addon.sgemm(0, 0, 1, 2, 2, 2, small, 0, new Float32Array(4), 0, new Float32Array(4), 0),
      ).toThrow(/smaller than its shape/);
      expect(() => loaded.addon.sgemm(0, 0, 1, 1, 1, 1, [1] as unknown as Float32Array, 0, small, 0, small, 0)).toThrow(
        /a must be a Float32Array/,
      );
    });

    it.each([
      ["GPT-2, full", TINY_GPT2, []],
      ["GPT-2, LoRA", TINY_GPT2, ["q", "k", "v", "o", "fc", "proj"]],
      ["Llama (grouped-query attention), LoRA", TINY_LLAMA, ["q", "k", "v", "o", "gate", "up", "down"]],
    ] as const)("train with the same loss and gradients as pure wasm (%s)", (_, config, modules) => {
      const lora = modules.length > 0;
      const params = initParams(config, { seed: 11 });
      const adapter = lora
        ? createLoraAdapter(config, { rank: 4, alpha: 8, dropout: 0, targetModules: [...modules] }, { seed: 12 })
        : undefined;
      // B starts at zero; give it values so the adapter's gradients flow through every product.
      if (adapter) {
        for (const [name, v] of adapter.params) if (name.endsWith("lora_b")) v.assign(randomTensor(v.shape, 13, 0.1));
      }
      const trainable = adapter ? adapter.params : params;
      const rows = tokenRows(3, 13, config.vocab_size, 5);
      const batch: TrainBatch = {
        batch: 3,
        length: 12,
        tokens: Int32Array.from(rows.flatMap((row) => row.slice(0, 12))),
        targets: Int32Array.from(rows.flatMap((row) => row.slice(1))),
      };
      const step = () => accumulateGradients({ params, config, adapter }, trainable, [batch], 1);
      const [wasm, accelerated] = bothPaths(step);
      expect(Math.abs(accelerated.loss - wasm.loss) / Math.abs(wasm.loss)).toBeLessThan(1e-5);
      expect([...accelerated.grads.keys()].sort()).toEqual([...wasm.grads.keys()].sort());
      // Relative to the largest gradient: some are exactly zero in theory (a key bias) and only noise here.
      const scale = Math.max(...[...wasm.grads.values()].map((g) => tf.max(tf.abs(g)).dataSync()[0] as number));
      for (const [name, g] of wasm.grads) {
        const worst = tf.max(tf.abs(tf.sub(accelerated.grads.get(name) as tf.Tensor, g))).dataSync()[0] as number;
        expect(worst / scale, name).toBeLessThan(1e-5);
      }
      tf.dispose([...wasm.grads.values(), ...accelerated.grads.values(), ...params.values()]);
      if (adapter) tf.dispose([...adapter.params.values()]);
    });
  });
});
