/** The machine and software a run used, for the model card. */
import os from "node:os";
import { version as tfVersion } from "@tensorflow/tfjs";
import type { BackendInfo } from "../../lib/ml";

/** Where a run happened. */
export interface MachineInfo {
  cpu: string;
  /** Cores of the machine. */
  cores: number;
  /** Threads the engine computes on: wasm's, or the native BLAS accelerator's when it is installed. */
  threads: number;
  platform: string;
  node: string;
  tfjs: string;
  backend: string;
}

/** Describes this machine and the active backend. */
export function describeMachine(backend: BackendInfo): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    // The optional native OpenBLAS accelerator reads its thread count from ML_NATIVE_THREADS (default 1).
    threads: Math.max(
      backend.threads ?? 1,
      backend.accelerators.includes("native-openblas") ? Number(process.env.ML_NATIVE_THREADS || 1) : 1,
    ),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tfjs: tfVersion.tfjs,
    backend:
      `${backend.name}${backend.simd ? " (SIMD)" : ""}, ${backend.threads ?? 1} thread` +
      (backend.accelerators.length > 0 ? `, accelerators: ${backend.accelerators.join(", ")}` : ""),
  };
}
