/** bench:train's second part: training throughput on the shipped base models (lib/ml's catalog), engine only. */
import { catalogModel, disposeParams, listCatalog, loadCatalogModel } from "../../lib/ml";
import { median, printTable, REFERENCE_LORA } from "./common";
import { engineTrainer } from "./trainer";

/** Options of {@link benchBaseModels}. */
export interface BaseModelBenchOptions {
  /** Catalog ids to measure; all shipped models when empty. */
  ids: readonly string[];
  rounds: number;
  steps: number;
  /** Sequences per batch (each the model's full context). */
  batch: number;
  json: boolean;
}

type Mode = "full" | "lora";

/**
 * Times full and LoRA (rank 8 on q, k, v, o) training steps on each shipped base model, at its context
 * length, alternating modes per round; prints a table, or one JSON object per model and mode.
 */
export async function benchBaseModels(options: BaseModelBenchOptions): Promise<void> {
  const ids = options.ids.length > 0 ? options.ids : listCatalog().map((m) => m.id);
  const rows: string[][] = [];
  for (const id of ids) {
    const rates: Record<Mode, number[]> = { full: [], lora: [] };
    const losses: Partial<Record<Mode, number>> = {};
    const models = await Promise.all([loadCatalogModel(id), loadCatalogModel(id)]);
    const [first, second] = models;
    const length = catalogModel(id).contextLength;
    const trainers = {
      full: engineTrainer({ config: first.config, params: first.params, batch: options.batch, length }),
      lora: engineTrainer({
        config: second.config,
        params: second.params,
        lora: REFERENCE_LORA,
        batch: options.batch,
        length,
      }),
    };
    for (const mode of ["full", "lora"] as const) trainers[mode].step();
    for (let round = 0; round < options.rounds; round++) {
      for (const mode of ["full", "lora"] as const) {
        const started = performance.now();
        for (let i = 0; i < options.steps; i++) losses[mode] = trainers[mode].step();
        rates[mode].push((options.steps * trainers[mode].tokensPerStep) / ((performance.now() - started) / 1000));
      }
    }
    for (const model of models) disposeParams(model.params);
    for (const mode of ["full", "lora"] as const) {
      const tokensPerSecond = Math.round(median(rates[mode]));
      if (options.json) {
        console.log(
          JSON.stringify({
            bench: "train",
            model: id,
            mode,
            backend: "engine",
            tokensPerSecond,
            batch: options.batch,
            context: length,
            rounds: options.rounds,
            steps: options.steps,
            samples: rates[mode].map(Math.round),
          }),
        );
      }
      rows.push([id, mode, `${options.batch} × ${length}`, String(tokensPerSecond), losses[mode]?.toFixed(3) ?? "-"]);
    }
  }
  if (!options.json) {
    console.log("\nshipped base models (engine only; LoRA rank 8 on q, k, v, o):");
    printTable(["model", "mode", "batch × context", "tok/s", "loss"], rows);
  }
}
