import { createRequire } from "node:module";

/** The optional native TensorFlow packages, best first. Never dependencies: used only when installed. */
export const TENSORFLOW_PACKAGES = ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"] as const;

/** The optional packages installed next to this engine, best first. */
export function installedTensorflowPackages(): string[] {
  const require = createRequire(import.meta.url);
  return TENSORFLOW_PACKAGES.filter((specifier) => {
    try {
      require.resolve(specifier);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Imports the first installed tfjs-node package that loads, which registers the "tensorflow" backend.
 * Returns the package name, or throws with every package's failure (none installed included).
 */
export async function loadTensorflowBackend(): Promise<string> {
  const installed = installedTensorflowPackages();
  if (installed.length === 0) {
    throw new Error(
      "the tensorflow backend needs @tensorflow/tfjs-node (CPU) or @tensorflow/tfjs-node-gpu (CUDA) installed: " +
        "npm i @tensorflow/tfjs-node-gpu",
    );
  }
  const failures: string[] = [];
  for (const specifier of installed) {
    try {
      // A variable specifier: no bundler or type checker may treat the optional package as a dependency.
      const name: string = specifier;
      await import(name);
      return specifier;
    } catch (error) {
      failures.push(`${specifier}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`the tensorflow backend failed to load (${failures.join("; ")})`);
}
