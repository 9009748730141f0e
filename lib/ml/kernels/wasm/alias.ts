import type * as tf from "@tensorflow/tfjs";
import type { KernelOverride } from "../../backend/accelerators";
import { wasmInternals } from "./internals";

/** Shares the input's buffer (one more reference) instead of copying it, as the wasm Reshape kernel does. */
function alias(backend: unknown, x: tf.TensorInfo): tf.TensorInfo {
  wasmInternals(backend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Identity by reference instead of a copy. The engine clones every tensor it saves for backprop
 * through Identity, so on wasm each training step otherwise copies most of its activations.
 * Safe because tfjs buffers are never written in place.
 */
export const aliasIdentity: KernelOverride = {
  kernelName: "Identity",
  create(original) {
    return (args) => {
      const x = args.inputs.x as tf.TensorInfo;
      return x.dtype === "string" ? original.kernelFunc(args) : alias(args.backend, x);
    };
  },
};

/** A cast to the dtype the tensor already has (every Multiply gradient does one) by reference too. */
export const aliasSameTypeCast: KernelOverride = {
  kernelName: "Cast",
  create(original) {
    return (args) => {
      const x = args.inputs.x as tf.TensorInfo;
      const sameType = x.dtype === args.attrs?.dtype && x.dtype !== "string";
      return sameType ? alias(args.backend, x) : original.kernelFunc(args);
    };
  },
};
