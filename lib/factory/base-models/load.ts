/** Loading a base model's weights and tokenizer, catalog or imported (TensorFlow.js: workers only, never Next.js). */

import { loadCatalogModel } from "@/lib/ml/catalog/load";
import { loadLocalCheckpoint } from "@/lib/ml/catalog/local-load";
import type { HfCheckpoint } from "@/lib/ml/io/hf-checkpoint";
import { checkpointsRoot, resolveBaseModel } from "./resolve";

/**
 * Loads the base model `id` names (see resolveBaseModel): config, weights (float32) and tokenizer. Throws
 * BaseModelError when the id names no usable model. The caller disposes `params`.
 */
export async function loadBaseModel(id: string, root: string = checkpointsRoot()): Promise<Required<HfCheckpoint>> {
  const model = resolveBaseModel(id, root);
  if (model.source === "catalog" || model.folder === null) return loadCatalogModel(model.id);
  return loadLocalCheckpoint({ folder: model.folder, tokenizer: model.tokenizer });
}
