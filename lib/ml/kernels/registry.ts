import * as tf from "@tensorflow/tfjs";

/**
 * An engine kernel: a name of our own whose forward pass reuses backend kernels and whose gradient we
 * choose. Unlike tf.customGrad, a registered gradient is computed per input only when that input
 * needs it, so frozen weights cost no gradient work.
 */
export interface EngineKernel {
  readonly name: string;
  /** The forward pass on a given backend, built from that backend's own kernels. */
  forward(backendName: string): tf.KernelFunc;
  readonly gradient: Omit<tf.GradConfig, "kernelName">;
}

/** Registers the kernel for the active backend (and its gradient) the first time it runs there. */
function ensureRegistered(kernel: EngineKernel): void {
  const backendName = tf.getBackend();
  if (tf.getKernel(kernel.name, backendName) === undefined) {
    tf.registerKernel({ kernelName: kernel.name, backendName, kernelFunc: kernel.forward(backendName) });
  }
  if (tf.getGradient(kernel.name) === undefined) tf.registerGradient({ kernelName: kernel.name, ...kernel.gradient });
}

/** Runs an engine kernel through the tfjs engine (recorded on the gradient tape like any op). */
export function runEngineKernel<T extends tf.Tensor>(
  kernel: EngineKernel,
  inputs: tf.NamedTensorMap,
  attrs: tf.NamedAttrMap = {},
): T {
  ensureRegistered(kernel);
  return tf.engine().runKernel<T>(kernel.name, inputs, attrs);
}

/** The backend's kernel registered under `name` now (overrides included); throws if it has none. */
export function backendKernel(name: string, backendName: string): tf.KernelConfig {
  const kernel = tf.getKernel(name, backendName);
  if (kernel === undefined) throw new Error(`the ${backendName} backend has no ${name} kernel`);
  return kernel;
}
