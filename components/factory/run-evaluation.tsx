"use client";

import type { RunEvaluation } from "@/lib/factory/evaluation";

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function Comparison({ rows }: { rows: { label: string; base: string; tuned: string; better: boolean }[] }) {
  return (
    <table className="w-full text-sm" aria-label="Base model against fine-tuned">
      <thead>
        <tr className="text-left text-muted-foreground text-xs">
          <th className="py-1 pr-3 font-normal">held-out</th>
          <th className="py-1 pr-3 font-normal">base model</th>
          <th className="py-1 font-normal">fine-tuned</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className="border-t">
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              {row.label}
            </th>
            <td className="py-1.5 pr-3 font-mono tabular-nums">{row.base}</td>
            <td className={`py-1.5 font-mono tabular-nums ${row.better ? "font-semibold text-primary" : ""}`}>
              {row.tuned}
              {row.better ? <span className="sr-only"> (better)</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The confusion matrix of the fine-tuned classifier, counts shaded by their share of the actual label's rows. */
function ConfusionMatrix({ labels, confusion }: { labels: string[]; confusion: number[][] }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-sm" aria-label="Confusion matrix (rows: actual label, columns: predicted)">
        <thead>
          <tr>
            <th className="p-1.5 text-left font-normal text-muted-foreground text-xs">actual ↓ · predicted →</th>
            {labels.map((label) => (
              <th key={label} scope="col" className="p-1.5 font-medium text-xs">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, actual) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={labels[actual] ?? actual}>
                <th scope="row" className="p-1.5 text-left font-medium text-xs">
                  {labels[actual]}
                </th>
                {row.map((count, predicted) => (
                  <td
                    key={labels[predicted] ?? predicted}
                    className="min-w-14 border p-1.5 text-center font-mono tabular-nums"
                    style={{
                      backgroundColor: `color-mix(in oklab, var(--color-primary) ${Math.round((count / total) * 45)}%, transparent)`,
                    }}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How the run did on rows it never trained on: base model against fine-tuned, side by side. */
export function RunEvaluationPanel({ evaluation }: { evaluation: RunEvaluation }) {
  return (
    <section aria-labelledby="evaluation-heading" className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs">
      <div className="grid gap-1">
        <h2 id="evaluation-heading" className="font-medium">
          Evaluation
        </h2>
        <p className="text-muted-foreground text-sm">
          {evaluation.heldOutExamples.toLocaleString("en")} held-out{" "}
          {evaluation.heldOutExamples === 1 ? "example" : "examples"} the run never trained on.
        </p>
      </div>
      {evaluation.task === "classification" ? (
        <>
          <Comparison
            rows={[
              {
                label: "accuracy",
                base: percent(evaluation.base.accuracy),
                tuned: percent(evaluation.tuned.accuracy),
                better: evaluation.tuned.accuracy > evaluation.base.accuracy,
              },
              {
                label: "macro-F1",
                base: fixed(evaluation.base.macroF1),
                tuned: fixed(evaluation.tuned.macroF1),
                better: evaluation.tuned.macroF1 > evaluation.base.macroF1,
              },
              {
                label: "loss",
                base: fixed(evaluation.base.loss),
                tuned: fixed(evaluation.tuned.loss),
                better: evaluation.tuned.loss < evaluation.base.loss,
              },
            ]}
          />
          <p className="text-muted-foreground text-xs">
            Base: the adapter's classification head before training. Always answering the training data's most common
            label{evaluation.majorityLabel ? ` (“${evaluation.majorityLabel}”)` : ""} would score{" "}
            {percent(evaluation.majorityAccuracy)} here.
          </p>
          <ConfusionMatrix labels={evaluation.labels} confusion={evaluation.confusion} />
        </>
      ) : (
        <>
          <Comparison
            rows={[
              {
                label: "loss (nats per token)",
                base: fixed(evaluation.base.loss),
                tuned: fixed(evaluation.tuned.loss),
                better: evaluation.tuned.loss < evaluation.base.loss,
              },
              {
                label: "perplexity",
                base: fixed(evaluation.base.perplexity, 2),
                tuned: fixed(evaluation.tuned.perplexity, 2),
                better: evaluation.tuned.perplexity < evaluation.base.perplexity,
              },
            ]}
          />
          {evaluation.samples.length > 0 ? (
            <div className="grid gap-3">
              <h3 className="font-medium text-sm">Held-out prompts, answered by both (greedy)</h3>
              {evaluation.samples.map((sample, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: samples are a fixed list
                <figure key={index} className="grid gap-2 rounded-lg border p-3 text-sm">
                  <figcaption className="whitespace-pre-wrap break-words">
                    <span className="text-muted-foreground text-xs">Prompt · </span>
                    {sample.prompt}
                  </figcaption>
                  <div className="grid gap-2 md:grid-cols-3">
                    {(
                      [
                        ["Reference (the data)", sample.reference],
                        ["Base model", sample.base],
                        ["Fine-tuned", sample.tuned],
                      ] as const
                    ).map(([label, text]) => (
                      <div key={label} className="grid content-start gap-1 rounded-md bg-muted/50 p-2">
                        <span className="text-muted-foreground text-xs">{label}</span>
                        <p className="whitespace-pre-wrap break-words font-mono text-xs">{text || "(nothing)"}</p>
                      </div>
                    ))}
                  </div>
                </figure>
              ))}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
