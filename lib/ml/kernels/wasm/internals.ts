import * as tf from "@tensorflow/tfjs";
import { version_wasm } from "@tensorflow/tfjs-backend-wasm";

/** The tfjs release whose wasm-backend internals the heap-view kernels were written against (package.json pins it). */
export const PINNED_TFJS_VERSION = "4.22.0";

/** Bookkeeping the wasm backend keeps per tensor buffer. */
export interface WasmTensorData {
  id: number;
  memoryOffset: number;
}

/**
 * The parts of tfjs-backend-wasm's `BackendWasm` (not public API) that the heap-view kernels use:
 * tensors are buffers in the wasm heap, known to the C++ side by an integer id.
 */
export interface WasmBackendInternals {
  wasm: {
    cwrap(name: string, returnType: null, argTypes: string[]): (...args: unknown[]) => void;
    tfjs: {
      registerTensor(id: number, size: number, memoryOffset: number): void;
      disposeData(id: number): void;
    };
  };
  dataIdMap: { get(dataId: tf.DataId): WasmTensorData | undefined };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId): boolean;
  incRef(dataId: tf.DataId): void;
}

/** Why the heap-view kernels must not be used with the tfjs in this process, or undefined when they may. */
export function wasmInternalsUnavailableReason(): string | undefined {
  if (version_wasm !== PINNED_TFJS_VERSION || tf.version_core !== PINNED_TFJS_VERSION) {
    return `needs tfjs ${PINNED_TFJS_VERSION} (found core ${tf.version_core}, wasm ${version_wasm})`;
  }
  return undefined;
}

/** The backend argument of a wasm kernel, seen through its internals. */
export function wasmInternals(backend: unknown): WasmBackendInternals {
  return backend as WasmBackendInternals;
}

/** The wasm-side bookkeeping of a tensor; throws if the backend does not know it. */
export function tensorData(backend: WasmBackendInternals, info: tf.TensorInfo): WasmTensorData {
  const data = backend.dataIdMap.get(info.dataId);
  if (!data) throw new Error("wasm backend has no buffer for this tensor");
  return data;
}
