"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2, Tags } from "lucide-react";
import { useState } from "react";
import { fetchJson } from "@/components/datanets/versions/api-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { runApi } from "./api";

type Labels = { label: string; probability: number }[];

/** Try a classification run: a text in, each label's probability out, from the inference server. */
export function ClassifierPanel({ runId, ready }: { runId: string; ready: boolean }) {
  const [input, setInput] = useState("Congratulations! You have won a free cruise. Reply now to claim it.");
  const classify = useMutation({
    mutationFn: () => fetchJson<{ labels: Labels }>(runApi(runId, "classify"), { json: { input } }),
  });
  return (
    <section aria-labelledby="classifier-heading" className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs">
      <div className="grid gap-1">
        <h2 id="classifier-heading" className="font-medium">
          Playground
        </h2>
        <p className="text-muted-foreground text-sm">
          {ready
            ? "Write a text and see how the fine-tuned classifier labels it."
            : "The classifier can be tried once the run succeeds."}
        </p>
      </div>
      <Field label="Text to classify">
        <Textarea value={input} onChange={(event) => setInput(event.target.value)} rows={3} maxLength={8000} />
      </Field>
      <Button
        className="w-fit"
        onClick={() => classify.mutate()}
        disabled={!ready || classify.isPending || input.trim() === ""}
      >
        {classify.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Tags aria-hidden="true" />}
        Classify
      </Button>
      {classify.isError ? (
        <p role="alert" className="text-destructive text-sm">
          {classify.error.message}
        </p>
      ) : null}
      {classify.data ? (
        <ol aria-label="Labels, most likely first" className="grid gap-2">
          {classify.data.labels.map(({ label, probability }) => (
            <li key={label} className="grid grid-cols-[8rem_1fr_4rem] items-center gap-3 text-sm">
              <span className="truncate font-medium">{label}</span>
              <span className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                <span className="block h-full rounded-full bg-primary" style={{ width: `${probability * 100}%` }} />
              </span>
              <span className="text-right font-mono tabular-nums">{(probability * 100).toFixed(1)} %</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
