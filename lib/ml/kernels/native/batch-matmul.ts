import * as tf from "@tensorflow/tfjs";
import type { KernelOverride } from "../../backend/accelerators";
import type { NativeAddon } from "./addon";

/** The public part of the wasm backend these kernels need: output allocation and heap views. */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * BatchMatMul through OpenBLAS's sgemm on views of the wasm heap: transposes are sgemm flags (no
 * copies) and a batch-1 operand is broadcast with stride 0. Runs 3–4× faster than XNNPACK on the
 * engine's shapes and, unlike it, needs no repacking of new right operands.
 */
export function nativeBatchMatMul(addon: NativeAddon): KernelOverride {
  return {
    kernelName: "BatchMatMul",
    create(original) {
      return (args) => {
        const a = args.inputs.a as tf.TensorInfo;
        const b = args.inputs.b as tf.TensorInfo;
        const transposeA = Boolean(args.attrs?.transposeA);
        const transposeB = Boolean(args.attrs?.transposeB);
        const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
        const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
        const broadcastable = batchA === batchB || batchA === 1 || batchB === 1;
        if (!broadcastable || a.dtype !== "float32" || b.dtype !== "float32") return original.kernelFunc(args);
        const rankA = a.shape.length;
        const rankB = b.shape.length;
        const m = a.shape[transposeA ? rankA - 1 : rankA - 2] as number;
        const k = a.shape[transposeA ? rankA - 2 : rankA - 1] as number;
        const n = b.shape[transposeB ? rankB - 2 : rankB - 1] as number;
        const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
        const backend = args.backend as HeapBackend;
        const out = backend.makeOutput([...outer, m, n], "float32");
        // Views after makeOutput: allocating may grow (and move) the heap.
        const c = backend.typedArrayFromHeap(out) as Float32Array;
        if (k === 0) {
          c.fill(0);
          return out;
        }
        const batch = Math.max(batchA, batchB);
        addon.sgemm(
          transposeA ? 1 : 0,
          transposeB ? 1 : 0,
          batch,
          m,
          n,
          k,
          backend.typedArrayFromHeap(a) as Float32Array,
          batchA === 1 ? 0 : m * k,
          backend.typedArrayFromHeap(b) as Float32Array,
          batchB === 1 ? 0 : k * n,
          c,
          0,
        );
        return out;
      };
    },
  };
}
