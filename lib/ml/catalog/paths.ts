import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalogModel } from "./catalog";

/** Absolute path of lib/ml/catalog/models, found from this module's location so any cwd works. */
export function catalogRoot(): string {
  return fileURLToPath(new URL("./models", import.meta.url));
}

/** Absolute path of a catalog model's folder (config.json, model.safetensors, training.json, README.md). */
export function catalogModelFolder(id: string): string {
  return path.join(catalogRoot(), catalogModel(id).folder);
}
