import path from "node:path";
import type { CatalogModel } from "@/lib/ml/catalog/types";
import { type BaseModelInfo, checkpointsRoot, listBaseModels } from "./base-models/resolve";
import { type LoraModule, loraModulesOf } from "./config";

/** A base model as the wizard's cards and GET /api/base-models show it. */
export interface BaseModelCard {
  id: string;
  /** Shipped with the app, or imported from a checkpoint folder (DATA_DIR/checkpoints/<name>). */
  source: "catalog" | "imported";
  /** Imported: the checkpoint's folder (relative to the working directory when inside it); null for the catalog. */
  folder: string | null;
  title: string;
  family: CatalogModel["family"];
  /** The family's architecture in words. */
  architecture: string;
  parameters: number;
  contextLength: number;
  vocabSize: number;
  /** The engine's byte or GPT-2 tokenizer, or the checkpoint's own tokenizer.json ("huggingface"). */
  tokenizer: BaseModelInfo["tokenizer"];
  /** spdx "unknown" when an imported folder names none. */
  license: { spdx: string; name: string; url: string };
  description: string;
  loraModules: readonly LoraModule[];
}

/** An imported checkpoint folder that cannot be used: the page lists it greyed with its problem. */
export interface BrokenBaseModelCard {
  /** `local/<name>`, or null when the folder's name makes no id. */
  id: string | null;
  name: string;
  folder: string;
  problem: string;
}

/** Everything the base-model step shows. */
export interface BaseModelChoices {
  /** The catalog's models, then the imported ones. */
  models: BaseModelCard[];
  broken: BrokenBaseModelCard[];
  /** Where checkpoints are imported to (a new folder there shows on reload). */
  checkpointsFolder: string;
}

const ARCHITECTURE: Record<CatalogModel["family"], string> = {
  gpt2: "GPT-2 decoder (LayerNorm, learned positions, GELU MLP)",
  llama: "Llama decoder (RMSNorm, rotary positions, SwiGLU MLP)",
};

/** A folder as the page shows it: relative to the working directory when inside it. */
function shownPath(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : folder;
}

function card(model: BaseModelInfo): BaseModelCard {
  return {
    id: model.id,
    source: model.source,
    folder: model.folder === null ? null : shownPath(model.folder),
    title: model.title,
    family: model.family,
    architecture: ARCHITECTURE[model.family],
    parameters: model.parameters,
    contextLength: model.contextLength,
    vocabSize: model.vocabSize,
    tokenizer: model.tokenizer,
    license: { spdx: model.license.spdx, name: model.license.name, url: model.license.url },
    description: model.description,
    loraModules: loraModulesOf(model),
  };
}

/** The base models as cards (catalog order, then imported folders by name) and the imported folders that are broken. */
export function baseModelChoices(root: string = checkpointsRoot()): BaseModelChoices {
  const { models, problems } = listBaseModels(root);
  return {
    models: models.map(card),
    broken: problems.map((problem) => ({
      id: problem.id,
      name: problem.name,
      folder: shownPath(problem.folder),
      problem: problem.problem,
    })),
    checkpointsFolder: shownPath(root),
  };
}

/** The base models as cards: the shipped ones in catalog order, then the imported checkpoints. */
export function baseModelCards(root: string = checkpointsRoot()): BaseModelCard[] {
  return baseModelChoices(root).models;
}
