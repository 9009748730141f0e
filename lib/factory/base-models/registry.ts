/**
 * The base-model lookup run-config validation uses (config.ts), in the server and in the browser alike: the
 * shipped catalog, then the imported checkpoints a source provides. No Node modules here: config.ts runs in the
 * wizard too. On the server, resolve.ts installs a source that scans DATA_DIR/checkpoints on each call (so a
 * newly dropped folder counts at once); in the browser the wizard installs the cards the page was rendered with.
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

export type ImportedBaseModelSource = () => ImportedBaseModels;

// One slot per JavaScript realm, shared by every copy of this module (Next.js may load one per layer).
const SLOT = Symbol.for("modelfactory.importedBaseModelSource");
type Slot = { [SLOT]?: ImportedBaseModelSource };

/** Installs (or with null removes) where imported base models come from. */
export function setImportedBaseModelSource(source: ImportedBaseModelSource | null): void {
  const slot = globalThis as Slot;
  if (source) slot[SLOT] = source;
  else delete slot[SLOT];
}

function imported(): ImportedBaseModels {
  return (globalThis as Slot)[SLOT]?.() ?? { models: [], problems: [] };
}

/**
 * In the browser only: the wizard's cards become the imported source (the server installs its own scanner, which a
 * server-side render must not replace).
 */
export function installBrowserBaseModels(
  models: readonly (BaseModelFacts & { source?: string })[],
  problems: readonly BaseModelFolderProblem[] = [],
): void {
  if (typeof window === "undefined") return;
  const own = models.filter((model) => model.source !== "catalog");
  setImportedBaseModelSource(() => ({ models: own, problems }));
}

/** Every base model a run may name: the catalog first, then the imported checkpoints. */
export function knownBaseModels(): BaseModelFacts[] {
  const catalog = listCatalog().map(({ id, family, contextLength }) => ({ id, family, contextLength }));
  const ids = new Set(catalog.map((model) => model.id));
  return [...catalog, ...imported().models.filter((model) => !ids.has(model.id))];
}

/** The base model `id` names, or undefined. */
export function findBaseModel(id: string): BaseModelFacts | undefined {
  const shipped = listCatalog().find((model) => model.id === id);
  if (shipped) return shipped;
  return imported().models.find((model) => model.id === id);
}

/** Why `id` names no usable base model, in words: its folder's problem, or the ids there are. */
export function unknownBaseModelMessage(id: string, from: ImportedBaseModels = imported()): string {
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
