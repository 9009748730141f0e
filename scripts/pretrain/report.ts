/** What a pretraining run measured: the data of training.json and of the model card. */
import type { CatalogModel, Evaluation, ModelConfig } from "../../lib/ml";
import type { CorpusSummary } from "./data";
import type { MachineInfo } from "./machine";
import type { TrainingRecipe } from "./recipes";

/** Everything the model card states, each figure measured by the run. */
export interface PretrainReport {
  entry: CatalogModel;
  config: ModelConfig;
  corpora: CorpusSummary[];
  /** Token counts of the joined splits (bytes plus one end-of-document token per document). */
  tokens: { train: number; validation: number };
  /** The recipe as run: `steps` may be a smoke run's override of `recipeSteps`. */
  training: TrainingRecipe & { context: number; recipeSteps: number };
  parameters: number;
  weights: { file: string; bytes: number; dtype: string };
  summary: {
    status: string;
    steps: number;
    /** Token positions trained on. */
    tokens: number;
    /** Wall time of the training loop (validation passes included). */
    trainingMs: number;
    /** Wall time of the whole run: data, training, writing and the final measurement. */
    totalMs: number;
    lastStepLoss: number;
  };
  /** Each validation pass, with the mean training loss of the steps since the previous one. */
  evaluations: Array<{ step: number; trainLoss: number; validationLoss: number }>;
  /** The written float16 weights measured on evenly spread windows of each split. */
  final: { train: Evaluation; validation: Evaluation };
  machine: MachineInfo;
  finishedAt: string;
}

/** training.json: the report, without the catalog entry (the catalog holds it). */
export function reportJson(report: PretrainReport): string {
  const { entry, ...rest } = report;
  return `${JSON.stringify({ id: entry.id, ...rest }, null, 2)}\n`;
}
