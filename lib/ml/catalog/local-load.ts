import { type HfCheckpoint, importHfCheckpoint } from "../io/hf-checkpoint";
import { loadTokenizer } from "../tokenizers/load";
import type { LocalCheckpoint } from "./local";

/**
 * Loads a local checkpoint (as inspectLocalCheckpoint described it): its config, weights (float32 in memory) and
 * tokenizer, the folder's tokenizer.json or the built-in tokenizer it names. The caller disposes `params`.
 */
export async function loadLocalCheckpoint(
  model: Pick<LocalCheckpoint, "folder" | "tokenizer">,
): Promise<Required<HfCheckpoint>> {
  const checkpoint = await importHfCheckpoint(model.folder);
  const tokenizer =
    checkpoint.tokenizer ?? (await loadTokenizer(model.tokenizer === "huggingface" ? model.folder : model.tokenizer));
  return { ...checkpoint, tokenizer };
}
