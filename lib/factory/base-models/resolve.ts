/**
 * Base models on the server: the shipped catalog and the checkpoints imported under DATA_DIR/checkpoints
 * (`local/<folder>`), described from their files without loading weights (sync: it runs inside run-config
 * validation). Importing this module installs the scanner as run-config validation's source of imported models.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { listCatalog } from "@/lib/ml/catalog/catalog";
import {
  inspectLocalCheckpoint,
  type LocalCheckpoint,
  LocalCheckpointError,
  type LocalCheckpointProblem,
  localCheckpointName,
  scanLocalCheckpoints,
} from "@/lib/ml/catalog/local";
import { baseModelIssues, type ParsedRunConfig } from "../config";
import { unknownBaseModelMessage } from "./registry";

/** A base model a run can fine-tune, wherever it comes from. */
export interface BaseModelInfo
  extends Pick<
    LocalCheckpoint,
    | "id"
    | "title"
    | "description"
    | "family"
    | "tokenizer"
    | "vocabSize"
    | "contextLength"
    | "parameters"
    | "shape"
    | "license"
  > {
  source: "catalog" | "imported";
  /** Imported: the absolute path of the checkpoint's folder; null for the catalog (lib/ml knows where those are). */
  folder: string | null;
}

/** An id that names no usable base model (the message lists what there is, or the folder's problem). */
export class BaseModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BaseModelError";
  }
}

/** Where imported checkpoints live: DATA_DIR/checkpoints (DATA_DIR defaults to .data, as the server config). */
export function checkpointsRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(env.DATA_DIR || ".data", "checkpoints");
}

const fromCatalog = (): BaseModelInfo[] =>
  listCatalog().map((model) => ({
    id: model.id,
    source: "catalog",
    title: model.title,
    description: model.description,
    family: model.family,
    tokenizer: model.tokenizer,
    vocabSize: model.vocabSize,
    contextLength: model.contextLength,
    parameters: model.parameters,
    shape: model.shape,
    license: model.weightsLicense,
    folder: null,
  }));

const fromLocal = ({ name: _name, ...model }: LocalCheckpoint): BaseModelInfo => ({ ...model, source: "imported" });

/** Every base model (catalog first, then imported in folder order) and the imported folders that cannot be used. */
export function listBaseModels(root: string = checkpointsRoot()): {
  models: BaseModelInfo[];
  problems: LocalCheckpointProblem[];
} {
  const catalog = fromCatalog();
  const scan = scanLocalCheckpoints(root);
  return { models: [...catalog, ...scan.models.map(fromLocal)], problems: scan.problems };
}

/**
 * The base model `id` names: a catalog id, or `local/<name>` for the folder `name` under the checkpoints root
 * (inspected now, so a folder dropped a moment ago counts). Throws BaseModelError otherwise.
 */
export function resolveBaseModel(id: string, root: string = checkpointsRoot()): BaseModelInfo {
  const shipped = fromCatalog().find((model) => model.id === id);
  if (shipped) return shipped;
  const name = localCheckpointName(id);
  const folder = name === null ? null : path.join(root, name);
  if (name === null || folder === null || !isDirectory(folder)) {
    const scan = scanLocalCheckpoints(root);
    throw new BaseModelError(unknownBaseModelMessage(id, scan));
  }
  try {
    return fromLocal(inspectLocalCheckpoint(folder, name));
  } catch (error) {
    if (error instanceof LocalCheckpointError) {
      throw new BaseModelError(`base model "${id}" cannot be used: ${error.message}`);
    }
    throw error;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A parsed config checked against its base model, looked up now (a folder dropped a moment ago counts): the base
 * model's issue when the id names none, else its context length and target modules (config.ts baseModelIssues).
 */
export function checkBaseModel(
  config: Pick<ParsedRunConfig, "baseModel" | "method">,
  root: string = checkpointsRoot(),
): { path: string; message: string }[] {
  try {
    return baseModelIssues(config, resolveBaseModel(config.baseModel, root), "");
  } catch (error) {
    if (error instanceof BaseModelError) return baseModelIssues(config, undefined, error.message);
    throw error;
  }
}
