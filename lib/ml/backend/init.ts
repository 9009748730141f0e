import * as tf from "@tensorflow/tfjs";
import { nativeKernels } from "../kernels/native/accelerator";
import { wasmHeapViewKernels } from "../kernels/wasm/accelerator";
import { type Accelerator, installAccelerator, installedAccelerators } from "./accelerators";
import { installedTensorflowPackages, loadTensorflowBackend } from "./tensorflow";
import { activateWasm } from "./wasm";

/** A tfjs backend the engine runs on. */
export type BackendName = "tensorflow" | "wasm" | "cpu";

/** What to run on: a backend, or "auto" for the fastest one present (tensorflow, then wasm, then cpu). */
export type BackendChoice = "auto" | BackendName;

const CHOICES: readonly BackendChoice[] = ["auto", "tensorflow", "wasm", "cpu"];

/** Options of initBackend. */
export interface InitBackendOptions {
  /** Defaults to the ML_BACKEND environment variable, then "auto". */
  backend?: BackendChoice;
  /** Kernel overrides to install on the chosen backend; defaults to the built-in ones for it. */
  accelerators?: readonly Accelerator[];
}

/** The backend in use, for logs and benchmark reports. */
export interface BackendInfo {
  name: BackendName;
  /** wasm: whether the SIMD binary runs. */
  simd?: boolean;
  /** wasm: worker threads (1 under Node, where tfjs-wasm's threads are off). */
  threads?: number;
  /** tensorflow: the package that provides it. */
  package?: string;
  /** Accelerators whose kernels are registered on this backend. */
  accelerators: string[];
  /** Built-in accelerators for this backend that could not be installed, with the reason. */
  skippedAccelerators?: { name: string; reason: string }[];
  /** auto: why a faster backend was passed over, when one failed. */
  fallbackReason?: string;
}

/** The built-in accelerators for a backend, in installation order (the native kernels win over the JS ones). */
export function defaultAccelerators(name: BackendName): Accelerator[] {
  return name === "wasm" ? [wasmHeapViewKernels, nativeKernels()] : [];
}

/** Validates an explicit choice or the ML_BACKEND value; undefined and "" mean "auto". */
export function parseBackendChoice(value: string | undefined): BackendChoice {
  const choice = value === undefined || value === "" ? "auto" : value;
  if (!(CHOICES as readonly string[]).includes(choice)) {
    throw new Error(`unknown ML backend "${value}": use one of ${CHOICES.join(", ")}`);
  }
  return choice as BackendChoice;
}

/** The backends to try, in order, for a choice. */
export function backendCandidates(choice: BackendChoice, tensorflowInstalled: boolean): BackendName[] {
  if (choice !== "auto") return [choice];
  return tensorflowInstalled ? ["tensorflow", "wasm", "cpu"] : ["wasm", "cpu"];
}

async function activate(name: BackendName): Promise<Omit<BackendInfo, "accelerators">> {
  if (name === "wasm") return { name, ...(await activateWasm()) };
  if (name === "tensorflow") {
    const loaded = await loadTensorflowBackend();
    if (!(await tf.setBackend("tensorflow"))) throw new Error(`${loaded} did not register the tensorflow backend`);
    await tf.ready();
    return { name, package: loaded };
  }
  if (!(await tf.setBackend("cpu"))) throw new Error("the cpu backend failed to initialise");
  await tf.ready();
  // The cpu backend prints advice to install tfjs-node on first use; choosing backends is ours to report.
  Object.assign(tf.backend(), { firstUse: false });
  return { name };
}

/**
 * Selects and initialises the tfjs backend (options.backend, else ML_BACKEND, else "auto") and installs
 * its accelerators. An explicit choice that fails throws; "auto" falls through to the next backend.
 * Safe to call again: re-selecting the active backend changes nothing.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  const choice = options.backend ?? parseBackendChoice(process.env.ML_BACKEND);
  const candidates = backendCandidates(choice, installedTensorflowPackages().length > 0);
  let fallbackReason: string | undefined;
  for (const name of candidates) {
    try {
      const info = await activate(name);
      const skippedAccelerators: { name: string; reason: string }[] = [];
      for (const accelerator of options.accelerators ?? defaultAccelerators(name)) {
        if (accelerator.backendName !== name) continue;
        const reason = accelerator.unavailableReason();
        if (reason !== undefined) skippedAccelerators.push({ name: accelerator.name, reason });
        else installAccelerator(accelerator);
      }
      return {
        ...info,
        accelerators: installedAccelerators(name),
        ...(skippedAccelerators.length > 0 ? { skippedAccelerators } : {}),
        ...(fallbackReason ? { fallbackReason } : {}),
      };
    } catch (error) {
      const reason = `${name}: ${error instanceof Error ? error.message : String(error)}`;
      if (choice !== "auto") throw new Error(`cannot use the ${reason}`);
      fallbackReason = fallbackReason ? `${fallbackReason}; ${reason}` : reason;
    }
  }
  throw new Error(`no tfjs backend could be initialised (${fallbackReason})`);
}
