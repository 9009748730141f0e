/**
 * What checking a run config against its base model needs, in the server and in the browser alike (no Node modules:
 * the wizard checks drafts with it): the facts of a base model, and why an id names none.
 */
import { listCatalog } from "@/lib/ml/catalog/catalog";
import type { CatalogFamily } from "@/lib/ml/catalog/types";

/** What validating a run config needs to know of a base model. */
export interface BaseModelFacts {
  id: string;
  family: CatalogFamily;
  contextLength: number;
}

/** An imported checkpoint folder that cannot be used, and why (id null when its name makes no id). */
export interface BaseModelFolderProblem {
  id: string | null;
  problem: string;
}

/** What a source of imported base models gives: the usable ones and the folders with problems. */
export interface ImportedBaseModels {
  models: readonly BaseModelFacts[];
  problems: readonly BaseModelFolderProblem[];
}

/** Why `id` names no usable base model, in words: its folder's problem, or the ids there are. */
export function unknownBaseModelMessage(id: string, from: ImportedBaseModels): string {
  const { models, problems } = from;
  const broken = problems.find((problem) => problem.id === id);
  if (broken) return `base model "${id}" cannot be used: ${broken.problem}`;
  const catalog = listCatalog().map((model) => model.id);
  const local = models.map((model) => model.id).filter((model) => !catalog.includes(model));
  return (
    `base model "${id}" is not in the catalog nor imported: choose one of ${[...catalog, ...local].join(", ")}` +
    (local.length > 0 ? "" : " (no checkpoints imported)")
  );
}
