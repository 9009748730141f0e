import * as tf from "@tensorflow/tfjs";

/**
 * Replaces one kernel of a backend with a faster one that computes the same numbers.
 * `create` receives the backend's own kernel, for the cases the replacement leaves to it.
 */
export interface KernelOverride {
  readonly kernelName: string;
  create(original: tf.KernelConfig): tf.KernelFunc;
}

/**
 * A named set of kernel overrides for one backend: the registration point for optional
 * accelerations (the pure-JS wasm kernels here; later a native sgemm addon, fused native kernels).
 */
export interface Accelerator {
  readonly name: string;
  readonly backendName: string;
  /** Why it cannot run in this process (missing addon, unpinned tfjs…), or undefined when it can. */
  unavailableReason(): string | undefined;
  readonly overrides: readonly KernelOverride[];
}

/** What an installed override remembers, stored on its registry entry so it survives module reloads (vitest). */
interface OverrideRecord {
  accelerator: string;
  original: tf.KernelConfig;
}

const OVERRIDE = Symbol.for("lib-ml.kernel-override");

type OverriddenKernel = tf.KernelConfig & { [OVERRIDE]?: OverrideRecord };

function overrideRecord(kernelName: string, backendName: string): OverrideRecord | undefined {
  const current = tf.getKernel(kernelName, backendName) as OverriddenKernel | undefined;
  return current?.[OVERRIDE];
}

/**
 * Registers the accelerator's kernels in place of the backend's own. Idempotent; a kernel another
 * accelerator already replaced is replaced again (the last installed wins, the original is kept).
 * Returns false, installing nothing, when the accelerator is unavailable or a kernel is missing.
 */
export function installAccelerator(accelerator: Accelerator): boolean {
  if (accelerator.unavailableReason() !== undefined) return false;
  const { backendName } = accelerator;
  for (const { kernelName } of accelerator.overrides) {
    if (tf.getKernel(kernelName, backendName) === undefined) return false;
  }
  for (const override of accelerator.overrides) {
    const existing = overrideRecord(override.kernelName, backendName);
    if (existing?.accelerator === accelerator.name) continue;
    const original = existing?.original ?? tf.getKernel(override.kernelName, backendName);
    const replacement: OverriddenKernel = {
      ...original,
      kernelFunc: override.create(original),
      [OVERRIDE]: { accelerator: accelerator.name, original },
    };
    tf.unregisterKernel(override.kernelName, backendName);
    tf.registerKernel(replacement);
  }
  return true;
}

/** Puts the backend's own kernels back for every kernel this accelerator replaced. */
export function uninstallAccelerator(accelerator: Accelerator): void {
  for (const { kernelName } of accelerator.overrides) {
    const record = overrideRecord(kernelName, accelerator.backendName);
    if (record?.accelerator !== accelerator.name) continue;
    tf.unregisterKernel(kernelName, accelerator.backendName);
    tf.registerKernel(record.original);
  }
}

/** The accelerator whose kernel is registered under this name on a backend now, if any. */
export function kernelProvider(kernelName: string, backendName: string): string | undefined {
  return overrideRecord(kernelName, backendName)?.accelerator;
}

/** Names of the accelerators whose kernels are registered on a backend now. */
export function installedAccelerators(backendName: string): string[] {
  const names = new Set<string>();
  for (const kernel of tf.getKernelsForBackend(backendName) as OverriddenKernel[]) {
    const record = kernel[OVERRIDE];
    if (record) names.add(record.accelerator);
  }
  return [...names].sort();
}
