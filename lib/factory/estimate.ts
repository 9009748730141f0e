import type { Db } from "@/lib/db/client";
import { resolveBaseModel } from "./base-models/resolve";
import { columnsFor } from "./columns";
import type { ParsedRunConfig, RunConfig } from "./config";
import { type ResolvedVersion, resolveRunConfig } from "./validate";

/** How long a run should take here, and why we think so. */
export interface RunEstimate {
  /** Wall-clock seconds from the moment a trainer starts it to the end of its evaluation. */
  seconds: number;
  totalSteps: number;
  /** Training throughput measured by an earlier run on this deployment's trainers. */
  tokensPerSecond: number;
  /** Loading, evaluation and saving: the part of that run's time that was not training steps. */
  overheadSeconds: number;
  basedOn: { runId: string; name: string; finishedAt: Date };
  /**
   * Peak memory of the trainer process, in MiB: the peak the basis run measured, scaled by the formula's ratio
   * between the two configs (weights, adapter with optimizer state, activations); the formula alone when the basis
   * run measured none.
   */
  memoryMiB: number;
  /** The basis run's measured peak, when it has one. */
  measuredMemoryMiB: number | null;
}

const tokensPerStep = (config: Pick<RunConfig, "method">) =>
  config.method.batchSize * config.method.gradientAccumulation * config.method.contextLength;

/**
 * The trainer process's memory besides the run's own tensors: Node, the database client and the wasm backend's
 * heap. Measured: a Quick run of mf-prose-byte (batch 8 × 128) peaked at 729 MiB, of which the terms below
 * account for about 70.
 */
const TRAINER_BASELINE_MIB = 650;

/**
 * Rough peak memory of training: base weights (float32), the adapter's weights with AdamW's two moments and
 * gradients, and the activations kept for the backward pass (about 16 floats per hidden unit and position per
 * layer, plus the attention matrices), with the trainer process's baseline.
 */
export function trainingMemoryMiB(config: Pick<RunConfig, "baseModel" | "method">): number {
  // Catalog or imported checkpoint (shape from its config.json).
  const model = resolveBaseModel(config.baseModel);
  const { batchSize: batch, contextLength: context, rank, targetModules } = config.method;
  const { layers, hidden, heads } = model.shape;
  const adapterParams = layers * targetModules.length * rank * 2 * hidden;
  const activations = batch * context * layers * (16 * hidden + heads * context);
  const bytes = model.parameters * 4 + adapterParams * 4 * 4 + activations * 4;
  return Math.ceil(bytes / 2 ** 20) + TRAINER_BASELINE_MIB;
}

/**
 * Steps of a text run as the trainer counts them: it packs the training texts (UTF-8 bytes for the byte
 * tokenizer, with BOS and a separator each; a text mapped from several columns joins them with a newline) into
 * windows of contextLength + 1, so steps follow the bytes, not the rows. The held-out share is left out in
 * proportion.
 */
async function packedSteps(db: Db, config: RunConfig, versions: readonly ResolvedVersion[]): Promise<number> {
  let bytes = 0;
  let rows = 0;
  for (const version of versions) {
    const fields = columnsFor("causal_lm", version.kind, config.data.columns)?.text ?? [];
    const [counted] = await db.$queryRaw<{ bytes: bigint | null; rows: bigint }[]>`
      SELECT sum(t.bytes) AS bytes, count(*) AS rows
        FROM version_rows v JOIN datanet_rows r ON r.id = v.row_id,
             LATERAL (SELECT coalesce(sum(octet_length(r.fields->>f) + 1), 1) - 1 AS bytes
                        FROM unnest(${fields}::text[]) AS f
                       WHERE coalesce(r.fields->>f, '') <> '') t
       WHERE v.version_id = ${version.versionId}`;
    bytes += Number(counted?.bytes ?? 0);
    rows += Number(counted?.rows ?? 0);
  }
  const tokens = bytes + 2 * rows;
  const held = Math.min(Math.max(0, rows - 1), Math.floor(rows * config.data.validationSplit));
  const trainTokens = rows === 0 ? 0 : tokens * ((rows - held) / rows);
  const windows = Math.ceil(trainTokens / (config.method.contextLength + 1));
  const perStep = config.method.batchSize * config.method.gradientAccumulation;
  return Math.max(1, Math.ceil((windows * config.method.epochs) / perStep));
}

/**
 * Estimates a run from the most recent finished run of the same base model on this deployment (the trainers'
 * measured throughput): its tokens per second, and the time it spent outside training steps. Prefers a run
 * with the same context length (throughput per token depends on it). Null when no such run exists yet: the
 * page then says that nothing has been measured, rather than guessing.
 */
export async function estimateRun(db: Db, userId: string, parsed: ParsedRunConfig): Promise<RunEstimate | null> {
  const { config, versions, totalSteps: rowSteps } = await resolveRunConfig(db, userId, parsed);
  const totalSteps = config.data.task === "causal_lm" ? await packedSteps(db, config, versions) : rowSteps;
  const finished = await db.trainingRun.findMany({
    where: {
      status: "succeeded",
      baseModel: config.baseModel,
      tokensPerSecond: { gt: 0 },
      startedAt: { not: null },
      finishedAt: { not: null },
      // A run that was paused and resumed counts its first start: its wall time says nothing about speed.
      events: {
        none: { OR: [{ message: { startsWith: "Resumed" } }, { message: { contains: "queued again" } }] },
      },
    },
    orderBy: { finishedAt: "desc" },
    take: 20,
    select: {
      id: true,
      name: true,
      config: true,
      step: true,
      tokensPerSecond: true,
      startedAt: true,
      finishedAt: true,
      peakMemoryMiB: true,
    },
  });
  const sameContext = finished.filter(
    (run) => (run.config as unknown as RunConfig).method.contextLength === config.method.contextLength,
  );
  const basis = sameContext[0] ?? finished[0];
  if (!basis) return null;
  const basisConfig = basis.config as unknown as RunConfig;
  const tokensPerSecond = basis.tokensPerSecond as number;
  const elapsed = ((basis.finishedAt as Date).getTime() - (basis.startedAt as Date).getTime()) / 1000;
  const training = (basis.step * tokensPerStep(basisConfig)) / tokensPerSecond;
  const overheadSeconds = Math.max(0, elapsed - training);
  return {
    seconds: Math.round((totalSteps * tokensPerStep(config)) / tokensPerSecond + overheadSeconds),
    totalSteps,
    tokensPerSecond,
    overheadSeconds: Math.round(overheadSeconds * 10) / 10,
    basedOn: { runId: basis.id, name: basis.name, finishedAt: basis.finishedAt as Date },
    memoryMiB:
      basis.peakMemoryMiB === null
        ? trainingMemoryMiB(config)
        : Math.round((basis.peakMemoryMiB * trainingMemoryMiB(config)) / trainingMemoryMiB(basisConfig)),
    measuredMemoryMiB: basis.peakMemoryMiB,
  };
}
