import type { CorpusLicense } from "../data/corpus/types";

/** Model family of a catalog model: its config.json's model_type. */
export type CatalogFamily = "gpt2" | "llama";

/** A licence: SPDX expression, name and where to read it. */
export type CatalogLicense = CorpusLicense;

/** One shipped base model. Its files (Hugging Face layout) are in `folder` under lib/ml/catalog/models/. */
export interface CatalogModel {
  /** Stable id, also the folder name, e.g. "mf-prose-byte". */
  id: string;
  title: string;
  family: CatalogFamily;
  /** Tokenizer name for loadTokenizer: the weights carry no tokenizer.json. */
  tokenizer: "byte";
  /** Vocabulary size of the model (and of the tokenizer). */
  vocabSize: number;
  /** Longest sequence the model was trained on and can address. */
  contextLength: number;
  /** Number of weights (tied embeddings counted once). */
  parameters: number;
  /** Transformer layers, hidden size and attention heads (what cost and memory estimates scale with). */
  shape: { layers: number; hidden: number; heads: number };
  /** What the model is for. */
  description: string;
  /** Names of the lib/ml corpora (data/corpora.ts) it was pretrained on. */
  corpora: readonly string[];
  /** Licence of the weights. */
  weightsLicense: CatalogLicense;
  /** Licences of the training data, one per source. */
  dataLicenses: readonly CatalogLicense[];
  /** Folder name under lib/ml/catalog/models/ (resolve it with catalogModelFolder). */
  folder: string;
}
