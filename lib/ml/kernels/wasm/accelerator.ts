import type { Accelerator } from "../../backend/accelerators";
import { aliasIdentity, aliasSameTypeCast } from "./alias";
import { xnnpackBatchMatMul } from "./batch-matmul";
import { rowGather } from "./gather";
import { wasmInternalsUnavailableReason } from "./internals";

/**
 * The pure-JS wasm accelerations, installed by default on the wasm backend: batched and transposed
 * matmuls through XNNPACK, Identity/Cast without copies, and row gathers by block copies. They use the backend's internals, so
 * they switch themselves off unless tfjs is the pinned version.
 */
export const wasmHeapViewKernels: Accelerator = {
  name: "wasm-heap-views",
  backendName: "wasm",
  unavailableReason: wasmInternalsUnavailableReason,
  overrides: [xnnpackBatchMatMul, aliasIdentity, aliasSameTypeCast, rowGather],
};
