import { listCatalog } from "@/lib/ml/catalog/catalog";
import type { CatalogModel } from "@/lib/ml/catalog/types";
import { type LoraModule, loraModulesOf } from "./config";

/** A base model as the wizard's cards and GET /api/base-models show it. */
export interface BaseModelCard {
  id: string;
  title: string;
  family: CatalogModel["family"];
  /** The family's architecture in words. */
  architecture: string;
  parameters: number;
  contextLength: number;
  vocabSize: number;
  tokenizer: CatalogModel["tokenizer"];
  license: { spdx: string; name: string; url: string };
  description: string;
  loraModules: readonly LoraModule[];
}

const ARCHITECTURE: Record<CatalogModel["family"], string> = {
  gpt2: "GPT-2 decoder (LayerNorm, learned positions, GELU MLP)",
  llama: "Llama decoder (RMSNorm, rotary positions, SwiGLU MLP)",
};

/** The shipped base models as cards, in catalog order. */
export function baseModelCards(): BaseModelCard[] {
  return listCatalog().map((model) => ({
    id: model.id,
    title: model.title,
    family: model.family,
    architecture: ARCHITECTURE[model.family],
    parameters: model.parameters,
    contextLength: model.contextLength,
    vocabSize: model.vocabSize,
    tokenizer: model.tokenizer,
    license: { spdx: model.weightsLicense.spdx, name: model.weightsLicense.name, url: model.weightsLicense.url },
    description: model.description,
    loraModules: loraModulesOf(model),
  }));
}
