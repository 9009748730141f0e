import * as tf from "@tensorflow/tfjs";
import type { KernelOverride } from "../../backend/accelerators";
import { tensorData, type WasmBackendInternals, wasmInternals } from "./internals";

type WasmBatchMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: number,
  transposeB: number,
  outId: number,
) => void;

const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

/**
 * BatchMatMul through XNNPACK, one batch item at a time. tfjs-wasm only uses XNNPACK for a single
 * untransposed matrix product and runs anything else through a ~3 GFLOP/s scalar loop (10× slower).
 * Each batch item is registered as a view of the operands in the wasm heap (no copies) and handed to
 * the backend's own 2-D path; transposed operands are transposed explicitly first.
 */
export const xnnpackBatchMatMul: KernelOverride = {
  kernelName: "BatchMatMul",
  create(original) {
    let wasmBatchMatMul: WasmBatchMatMul | undefined;
    const transposeKernel = tf.getKernel("Transpose", original.backendName);
    return (args) => {
      const { inputs, attrs } = args;
      const a = inputs.a as tf.TensorInfo;
      const b = inputs.b as tf.TensorInfo;
      const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
      const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
      const batch = Math.max(batchA, batchB);
      const broadcastable = batchA === batchB || batchA === 1 || batchB === 1;
      const empty = tf.util.sizeFromShape(a.shape) === 0 || tf.util.sizeFromShape(b.shape) === 0;
      if (batch === 1 || !broadcastable || empty || a.dtype !== "float32" || b.dtype !== "float32") {
        return original.kernelFunc(args);
      }
      const backend = wasmInternals(args.backend);
      wasmBatchMatMul ??= backend.wasm.cwrap("BatchMatMul", null, [
        "number",
        "array",
        "number",
        "number",
        "array",
        "number",
        "number",
        "number",
        "number",
      ]) as WasmBatchMatMul;

      const temporaries: tf.TensorInfo[] = [];
      const swapLastTwo = (x: tf.TensorInfo) => {
        const perm = x.shape.map((_, i) => i);
        const rank = perm.length;
        [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
        const out = transposeKernel.kernelFunc({ inputs: { x }, backend: args.backend, attrs: { perm } });
        temporaries.push(out as tf.TensorInfo);
        return out as tf.TensorInfo;
      };
      const left = attrs?.transposeA ? swapLastTwo(a) : a;
      const right = attrs?.transposeB ? swapLastTwo(b) : b;
      const m = left.shape[left.shape.length - 2] as number;
      const k = left.shape[left.shape.length - 1] as number;
      const n = right.shape[right.shape.length - 1] as number;
      const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
      const out = backend.makeOutput([...outer, m, n], "float32");

      multiplyItems(backend, wasmBatchMatMul, {
        left: tensorData(backend, left).memoryOffset,
        right: tensorData(backend, right).memoryOffset,
        out: tensorData(backend, out).memoryOffset,
        batch,
        leftBroadcast: batchA === 1,
        rightBroadcast: batchB === 1,
        m,
        k,
        n,
      });
      for (const t of temporaries) backend.disposeData(t.dataId);
      return out;
    };
  },
};

interface ItemLayout {
  left: number;
  right: number;
  out: number;
  batch: number;
  leftBroadcast: boolean;
  rightBroadcast: boolean;
  m: number;
  k: number;
  n: number;
}

/** Runs out[i] = left[i] @ right[i] on views registered at byte offsets into the heap. */
function multiplyItems(backend: WasmBackendInternals, run: WasmBatchMatMul, layout: ItemLayout): void {
  const { m, k, n } = layout;
  const register = (size: number, offset: number) => {
    const id = backend.dataIdNextNumber++;
    backend.wasm.tfjs.registerTensor(id, size, offset);
    return id;
  };
  const leftShape = shapeBytes([1, m, k]);
  const rightShape = shapeBytes([1, k, n]);
  // A broadcast right operand is registered once, so XNNPACK packs it once for the whole batch.
  let rightId = layout.rightBroadcast ? register(k * n, layout.right) : -1;
  for (let i = 0; i < layout.batch; i++) {
    const leftId = register(m * k, layout.left + (layout.leftBroadcast ? 0 : i * m * k * 4));
    if (!layout.rightBroadcast) rightId = register(k * n, layout.right + i * k * n * 4);
    const outId = register(m * n, layout.out + i * m * n * 4);
    run(leftId, leftShape, 3, rightId, rightShape, 3, 0, 0, outId);
    backend.wasm.tfjs.disposeData(leftId);
    backend.wasm.tfjs.disposeData(outId);
    // Disposing a view also drops the XNNPACK operator cached for it.
    if (!layout.rightBroadcast) backend.wasm.tfjs.disposeData(rightId);
  }
  if (layout.rightBroadcast) backend.wasm.tfjs.disposeData(rightId);
}
