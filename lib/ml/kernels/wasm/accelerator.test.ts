import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAccelerator, installedAccelerators, uninstallAccelerator } from "../../backend/accelerators";
import { initBackend } from "../../backend/init";
import { nativeKernels } from "../native/accelerator";
import { randomTensor } from "../test-helpers";
import { wasmHeapViewKernels } from "./accelerator";

/** Runs f with the backend's own kernels, then with the accelerator's; returns both results' values. */
function bothWays(f: () => tf.Tensor): [Float32Array, Float32Array] {
  uninstallAccelerator(wasmHeapViewKernels);
  const plain = tf.tidy(f);
  installAccelerator(wasmHeapViewKernels);
  const accelerated = tf.tidy(f);
  const values: [Float32Array, Float32Array] = [
    plain.dataSync() as Float32Array,
    accelerated.dataSync() as Float32Array,
  ];
  expect(accelerated.shape).toEqual(plain.shape);
  tf.dispose([plain, accelerated]);
  return values;
}

function maxRelative([expected, actual]: [Float32Array, Float32Array]): number {
  let worst = 0;
  let scale = 0;
  expected.forEach((e, i) => {
    worst = Math.max(worst, Math.abs(e - (actual[i] as number)));
    scale = Math.max(scale, Math.abs(e));
  });
  return worst / scale;
}

describe("wasm heap-view kernels", () => {
  // These compare the pure-JS kernels with the backend's own, so the native ones stay out of the way.
  const native = nativeKernels();
  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
    uninstallAccelerator(native);
  });
  afterAll(() => {
    installAccelerator(wasmHeapViewKernels);
    installAccelerator(native);
  });

  it("are installed on wasm by default, once", () => {
    expect(installedAccelerators("wasm")).toEqual(["wasm-heap-views"]);
    expect(installAccelerator(wasmHeapViewKernels)).toBe(true);
    expect(installedAccelerators("wasm")).toEqual(["wasm-heap-views"]);
  });

  it.each([
    ["batched", [4, 5, 6], [4, 6, 3], false, false],
    ["transposed a", [4, 6, 5], [4, 6, 3], true, false],
    ["transposed b", [2, 2, 5, 6], [2, 2, 3, 6], false, true],
    ["both transposed", [3, 6, 5], [3, 3, 6], true, true],
    ["broadcast b", [4, 5, 6], [6, 3], false, false],
    ["broadcast a", [5, 6], [4, 6, 3], false, false],
    ["plain 2-D", [5, 6], [6, 3], false, false],
  ] as const)("BatchMatMul gives the backend's numbers (%s)", (_, aShape, bShape, transposeA, transposeB) => {
    const a = randomTensor([...aShape], 1);
    const b = randomTensor([...bShape], 2);
    expect(maxRelative(bothWays(() => tf.matMul(a, b, transposeA, transposeB)))).toBeLessThan(1e-6);
    tf.dispose([a, b]);
  });

  it.each([
    ["rows of a matrix", [7, 3], [[4, 0, 4, 6]], 0],
    ["rows of a 3-D tensor, int32", [5, 2, 3], [[1], [3]], 0],
    ["a column (left to the backend)", [4, 5], [[2, 0]], 1],
  ] as const)("GatherV2 gives the backend's numbers (%s)", (_, shape, ids, axis) => {
    const x = randomTensor([...shape], 4);
    const values = shape.length === 3 ? x.mul(100).cast("int32") : x;
    const indices = tf.tensor(
      ids.map((row) => [...row]),
      undefined,
      "int32",
    );
    const [plain, accelerated] = bothWays(() => tf.gather(values, indices, axis).cast("float32"));
    expect(Array.from(accelerated)).toEqual(Array.from(plain));
    tf.dispose([x, values, indices]);
  });

  it("GatherV2 rejects an index out of range", () => {
    tf.tidy(() => {
      expect(() => tf.gather(tf.zeros([3, 2]), tf.tensor1d([3], "int32"))).toThrow(/index value 3 is not in \[0, 2\]/);
    });
  });

  it("Identity and same-type Cast share the buffer and survive the original's disposal", () => {
    const x = randomTensor([3, 4], 3);
    const copy = tf.clone(x);
    const cast = tf.cast(x, "float32");
    const expected = Array.from(x.dataSync());
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual(expected);
    expect(Array.from(cast.dataSync())).toEqual(expected);
    const ints = tf.cast(copy, "int32");
    expect(Array.from(ints.dataSync())).toEqual(expected.map((v) => v | 0));
    tf.dispose([copy, cast, ints]);
  });
});
