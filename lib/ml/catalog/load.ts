import { type HfCheckpoint, importHfCheckpoint } from "../io/hf-checkpoint";
import { loadTokenizer } from "../tokenizers/load";
import { catalogModel } from "./catalog";
import { catalogModelFolder } from "./paths";

/**
 * Loads a shipped base model: its config, weights (float16 on disk, float32 in memory) and its tokenizer.
 * The caller disposes `params`.
 */
export async function loadCatalogModel(id: string): Promise<Required<HfCheckpoint>> {
  const entry = catalogModel(id);
  const checkpoint = await importHfCheckpoint(catalogModelFolder(id));
  // Byte-level models ship no tokenizer.json: the engine's own tokenizer is named in the catalog instead.
  const tokenizer = checkpoint.tokenizer ?? (await loadTokenizer(entry.tokenizer));
  return { ...checkpoint, tokenizer };
}
