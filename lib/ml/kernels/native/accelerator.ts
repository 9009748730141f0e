import type { Accelerator } from "../../backend/accelerators";
import { wasmInternalsUnavailableReason } from "../wasm/internals";
import { nativeAddon } from "./addon";
import { nativeBatchMatMul } from "./batch-matmul";
import { NATIVE_ACCELERATOR } from "./name";

function unavailableReason(): string | undefined {
  const wasm = wasmInternalsUnavailableReason();
  if (wasm !== undefined) return wasm;
  const loaded = nativeAddon();
  return "reason" in loaded ? `native kernels ${loaded.reason}` : undefined;
}

/**
 * The optional native kernels (an N-API addon over OpenBLAS, built at install when OpenBLAS is
 * present) for the wasm backend. Installed after the pure-JS heap-view kernels, so where both replace
 * a kernel the native one wins. Without the addon it reports why and installs nothing.
 */
export function nativeKernels(): Accelerator {
  const loaded = nativeAddon();
  return {
    name: NATIVE_ACCELERATOR,
    backendName: "wasm",
    unavailableReason,
    overrides: "addon" in loaded ? [nativeBatchMatMul(loaded.addon)] : [],
  };
}
