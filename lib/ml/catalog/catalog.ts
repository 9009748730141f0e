/** The base models lib/ml ships: pretrained by `npm run pretrain -- --model <id>` (scripts/pretrain). */
import { STDLIB_DATASET_LICENSE } from "../data/corpus/types";
import type { CatalogLicense, CatalogModel } from "./types";

/** The project's own licence, under which it publishes the weights it trains. */
const APACHE_2: CatalogLicense = {
  spdx: "Apache-2.0",
  name: "Apache License 2.0",
  url: "https://www.apache.org/licenses/LICENSE-2.0",
};

const PSF_2: CatalogLicense = {
  spdx: "PSF-2.0",
  name: "Python Software Foundation License Version 2",
  url: "https://docs.python.org/3/license.html",
};

/** Byte-level vocabulary: 256 byte values plus <|bos|>, <|eos|>, <|pad|> (the engine's "byte" tokenizer). */
const BYTE_VOCAB = 259;

/** The shipped base models, in display order. */
export const CATALOG: readonly CatalogModel[] = Object.freeze([
  {
    id: "mf-prose-byte",
    title: "ModelFactory Prose (byte-level GPT-2)",
    family: "gpt2",
    tokenizer: "byte",
    vocabSize: BYTE_VOCAB,
    contextLength: 256,
    parameters: 1_878_720,
    shape: { layers: 4, hidden: 192, heads: 6 },
    description:
      "A small GPT-2-family language model over UTF-8 bytes, pretrained on public-domain English prose " +
      "(Moby-Dick and the State of the Union addresses 1790–2021): a base for LoRA fine-tuning and " +
      "classification on any text.",
    corpora: ["moby-dick", "sotu"],
    weightsLicense: APACHE_2,
    dataLicenses: [STDLIB_DATASET_LICENSE],
    folder: "mf-prose-byte",
  },
  {
    id: "mf-code-byte",
    title: "ModelFactory Code (byte-level Llama)",
    family: "llama",
    tokenizer: "byte",
    vocabSize: BYTE_VOCAB,
    contextLength: 256,
    parameters: 1_870_656,
    shape: { layers: 4, hidden: 192, heads: 6 },
    description:
      "A small Llama-family language model over UTF-8 bytes (RMSNorm, rotary positions, SwiGLU), pretrained " +
      "on the Python 3.11 standard library's sources: a base for LoRA fine-tuning on code and structured text.",
    corpora: ["python-stdlib"],
    weightsLicense: APACHE_2,
    dataLicenses: [PSF_2],
    folder: "mf-code-byte",
  },
]);

/** A catalog id that names no shipped model. */
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogError";
  }
}

/** The shipped base models. */
export function listCatalog(): readonly CatalogModel[] {
  return CATALOG;
}

/** The catalog entry of `id`; throws CatalogError listing the known ids when there is none. */
export function catalogModel(id: string): CatalogModel {
  const entry = CATALOG.find((model) => model.id === id);
  if (!entry) {
    throw new CatalogError(`no catalog model "${id}": expected one of ${CATALOG.map((m) => m.id).join(", ")}`);
  }
  return entry;
}
