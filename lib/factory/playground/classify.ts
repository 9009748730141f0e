import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { inferenceUrl } from "@/lib/serving/config";

export const classifyRequestSchema = z
  .object({
    input: z.string().trim().min(1, "input: write a text to classify").max(8_000, "input: at most 8,000 characters"),
  })
  .strict();

/**
 * Labels a text with a classification run's adapter on the inference server: each label with its
 * probability, most likely first. Only the run's owner, once the run succeeded.
 */
export async function playgroundClassify(
  db: Db,
  input: { runId: string; userId: string; text: string; env?: Readonly<Record<string, string | undefined>> },
): Promise<{ labels: { label: string; probability: number }[] }> {
  const run = await db.trainingRun.findFirst({
    where: { id: input.runId, ownerId: input.userId },
    select: { id: true, status: true, task: true, baseModel: true, adapterPath: true },
  });
  if (!run)
    throw new DomainError("training_run_not_found", `No training run "${input.runId}".`, 404, { run: input.runId });
  if (run.task !== "classification") {
    throw new DomainError("not_a_classifier", "This run completes text: try it with the playground's Generate.", 409);
  }
  if (run.status !== "succeeded" || !run.adapterPath) {
    throw new DomainError(
      "run_not_ready",
      `The run is ${run.status}: its classifier can be tried once it succeeds.`,
      409,
      {
        status: run.status,
      },
    );
  }
  let response: Response;
  try {
    response = await fetch(`${inferenceUrl(input.env)}/v1/classify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ model: run.baseModel, adapter: `${run.id}/adapter`, input: input.text }),
    });
  } catch {
    throw new DomainError(
      "inference_unavailable",
      "The inference server does not answer: npm start runs it (workers/inference.ts); see .data/logs/inference.log.",
      503,
    );
  }
  const body = (await response.json().catch(() => null)) as {
    labels?: { label: string; probability: number }[];
    error?: { code: string; message: string };
  } | null;
  if (!response.ok || !body?.labels) {
    throw new DomainError(
      body?.error?.code ?? "inference_failed",
      body?.error?.message ?? `The inference server answered ${response.status}.`,
      response.status >= 500 ? 502 : 422,
    );
  }
  return { labels: body.labels };
}
