"use client";

import { useQuery } from "@tanstack/react-query";
import { Check, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { datanetApi, fetchJson } from "@/components/datanets/versions/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { BaseModelCard } from "@/lib/factory/base-model-cards";
import { missingFields } from "@/lib/factory/columns";
import { LIMITS, TASK_FOR_KIND, TRAINING_TASKS, type TrainingTask, trainingRowCount } from "@/lib/factory/config";
import { ColumnMappingSection } from "./column-mapping";
import { ExamplePreview } from "./example-preview-panel";
import { shortHash, TASK_LABELS } from "./format";
import { VersionRow } from "./version-row";
import {
  type ChosenVersion,
  type ConfigIssue,
  chosenRows,
  compatibleTasks,
  effectiveColumns,
  effectiveTask,
  issueFor,
  type WizardDraft,
} from "./wizard-draft";

interface DatanetItem {
  id: string;
  slug: string;
  name: string;
  kind: ChosenVersion["kind"];
  versions: number;
}

interface VersionItem {
  number: number;
  merkleRoot: string;
  rowCount: number;
  status: string;
  confirmedAt: string | null;
}

const TASK_ABOUT: Record<TrainingTask, string> = {
  causal_lm: "Learns to continue text like the rows: style, vocabulary, facts.",
  instruction: "Learns to answer each prompt with its completion; only the answer is trained on.",
  classification: "Learns to give each text its label, with a small classifier head.",
};

type DataStepProps = {
  draft: WizardDraft;
  /** The chosen base model: its tokenizer decides whether the preview can count tokens. */
  base: BaseModelCard | undefined;
  update: (change: Partial<WizardDraft>) => void;
  issues: ConfigIssue[];
};

/** Step 2: published Datanet versions, the task, the validation split and a preview of the examples. */
export function DataStep({ draft, base, update, issues }: DataStepProps) {
  const [datanetId, setDatanetId] = useState<string>(draft.versions[0]?.datanetId ?? "");
  const datanets = useQuery({
    queryKey: ["factory-datanets"],
    queryFn: () => fetchJson<{ items: DatanetItem[] }>("/api/datanets?pageSize=100&sort=name"),
    select: (body) => body.items.filter((d) => d.versions > 0),
  });
  const picked = datanets.data?.find((d) => d.id === datanetId);
  const versions = useQuery({
    queryKey: ["factory-datanet-versions", datanetId],
    queryFn: () => fetchJson<{ versions: VersionItem[] }>(datanetApi(datanetId, "versions")),
    select: (body) => body.versions.filter((v) => v.status === "confirmed"),
    enabled: datanetId !== "",
  });

  const kinds = draft.versions.map((v) => v.kind);
  const tasks = compatibleTasks(kinds);
  const task = effectiveTask(draft);
  const inferred = draft.versions[0] ? TASK_FOR_KIND[draft.versions[0].kind] : null;
  const rows = chosenRows(draft);
  const split = draft.validationSplit;
  const trainRows = Number.isFinite(split) ? trainingRowCount(rows, split) : null;

  // A chosen task or mapping the new set of versions cannot train with goes back to automatic.
  const afterVersionsChange = (next: ChosenVersion[]): Partial<WizardDraft> => {
    const kindsNext = next.map((x) => x.kind);
    const taskFits = draft.task !== null && compatibleTasks(kindsNext).includes(draft.task);
    const columns = draft.columns;
    const columnsFit =
      taskFits && columns !== null && kindsNext.every((kind) => missingFields(kind, columns).length === 0);
    return { versions: next, task: taskFits ? draft.task : null, columns: columnsFit ? columns : null };
  };
  const columns = effectiveColumns(draft);

  const isChosen = (d: DatanetItem, number: number) =>
    draft.versions.some((v) => v.datanetId === d.id && v.version === number);
  const addVersion = (d: DatanetItem, v: VersionItem) => {
    const next = [
      ...draft.versions,
      {
        datanetId: d.id,
        datanetName: d.name,
        datanetSlug: d.slug,
        kind: d.kind,
        version: v.number,
        rowCount: v.rowCount,
        merkleRoot: v.merkleRoot,
      },
    ];
    update(afterVersionsChange(next));
  };
  const removeVersion = (index: number) => {
    update(afterVersionsChange(draft.versions.filter((_, i) => i !== index)));
  };
  const versionsError = issueFor(issues, "data.versions");

  return (
    <div className="grid gap-8">
      <section aria-labelledby="data-versions-heading" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="data-versions-heading" className="font-semibold text-lg">
            Training data
          </h2>
          <p className="text-muted-foreground text-sm">
            Pick one or more published Datanet versions. Only versions confirmed on-chain can train: their Merkle root
            pins exactly which rows the model learns from, and the model's lineage points back to them.
          </p>
        </div>
        <div className="grid gap-3 rounded-xl border bg-card p-4">
          <Field label="Datanet" description="Datanets with at least one published version.">
            {(control) => (
              <Select value={datanetId} onValueChange={setDatanetId}>
                <SelectTrigger {...control} className="w-full sm:w-96">
                  <SelectValue placeholder={datanets.isPending ? "Loading Datanets…" : "Choose a Datanet"} />
                </SelectTrigger>
                <SelectContent>
                  {(datanets.data ?? []).map((d) => (
                    <SelectItem key={d.id} value={d.id}>
                      {d.name} · {d.kind}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
          {datanets.isError ? <p className="text-destructive text-sm">{datanets.error.message}</p> : null}
          {datanets.data && datanets.data.length === 0 ? (
            <p className="text-muted-foreground text-sm">
              No Datanet has a published version yet.{" "}
              <Link href="/datanets" className="underline underline-offset-4">
                Publish one from its Versions tab
              </Link>
              .
            </p>
          ) : null}
          {picked ? (
            <ul aria-label={`Published versions of ${picked.name}`} className="grid gap-2">
              {versions.isPending ? <Skeleton className="h-12 w-full" /> : null}
              {versions.data?.length === 0 ? (
                <li className="text-muted-foreground text-sm">No confirmed version yet.</li>
              ) : null}
              {versions.data?.map((v) => {
                const chosen = isChosen(picked, v.number);
                return (
                  <li
                    key={v.number}
                    className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border px-3 py-2 text-sm"
                  >
                    <span className="font-medium">Version {v.number}</span>
                    <span className="text-muted-foreground tabular-nums">{v.rowCount.toLocaleString("en")} rows</span>
                    <span className="font-mono text-muted-foreground text-xs" title={v.merkleRoot}>
                      root {shortHash(v.merkleRoot)}
                    </span>
                    <Button
                      type="button"
                      size="sm"
                      variant={chosen ? "secondary" : "outline"}
                      className="ml-auto"
                      disabled={chosen || draft.versions.length >= LIMITS.versions.max}
                      onClick={() => addVersion(picked, v)}
                      aria-label={chosen ? `Version ${v.number} added` : `Add version ${v.number} of ${picked.name}`}
                    >
                      {chosen ? <Check aria-hidden="true" /> : <Plus aria-hidden="true" />}
                      {chosen ? "Added" : "Add"}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>

        <div className="grid gap-2">
          <h3 className="font-medium text-sm">Chosen versions</h3>
          {draft.versions.length === 0 ? (
            <p className="rounded-lg border border-dashed px-3 py-4 text-center text-muted-foreground text-sm">
              No version chosen yet.
            </p>
          ) : (
            <ul aria-label="Chosen versions" className="grid gap-2">
              {draft.versions.map((v, index) => (
                <VersionRow
                  key={`${v.datanetId}@${v.version}`}
                  {...v}
                  tag={<Badge variant="secondary">{v.kind}</Badge>}
                >
                  <span className="text-destructive text-xs">{issueFor(issues, `data.versions.${index}`)}</span>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    className="justify-self-start sm:ml-auto"
                    onClick={() => removeVersion(index)}
                    aria-label={`Remove ${v.datanetName} version ${v.version}`}
                  >
                    <Trash2 aria-hidden="true" />
                    Remove
                  </Button>
                </VersionRow>
              ))}
            </ul>
          )}
          {versionsError && !issues.some((i) => /^data\.versions\.\d/.test(i.path)) ? (
            <p role="alert" className="text-destructive text-sm">
              {versionsError}
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="data-task-heading" className="grid gap-3">
        <div className="grid gap-1">
          <h2 id="data-task-heading" className="font-semibold text-lg">
            Task
          </h2>
          <p className="text-muted-foreground text-sm">
            {inferred
              ? `Inferred from the Datanet's kind: ${TASK_LABELS[inferred].toLowerCase()}. Change it where the data allows.`
              : "Inferred from the first Datanet's kind once you choose data."}
          </p>
        </div>
        {kinds.length > 0 && tasks.length === 0 ? (
          <p role="alert" className="text-destructive text-sm">
            These Datanets' kinds ({[...new Set(kinds)].join(", ")}) share no task: keep Datanets of one kind.
          </p>
        ) : null}
        <RadioGroup
          value={task ?? ""}
          onValueChange={(next) => update({ task: next === inferred ? null : (next as TrainingTask), columns: null })}
          aria-labelledby="data-task-heading"
          className="grid gap-2 md:grid-cols-3"
        >
          {TRAINING_TASKS.map((t) => {
            const id = `task-${t}`;
            const usable = draft.versions.length > 0 && tasks.includes(t);
            return (
              <Label
                key={t}
                htmlFor={id}
                className="flex cursor-pointer flex-col items-stretch gap-1 rounded-lg border bg-card p-3 font-normal has-disabled:cursor-not-allowed has-disabled:opacity-55 has-data-[state=checked]:border-primary has-data-[state=checked]:ring-[3px] has-data-[state=checked]:ring-primary/15"
              >
                <span className="flex items-center gap-2">
                  <RadioGroupItem value={t} id={id} disabled={!usable} />
                  <span className="font-medium">{TASK_LABELS[t]}</span>
                  {t === inferred ? <Badge variant="accent">inferred</Badge> : null}
                </span>
                <span className="text-muted-foreground text-xs leading-relaxed">{TASK_ABOUT[t]}</span>
              </Label>
            );
          })}
        </RadioGroup>
        {issueFor(issues, "data.task") ? (
          <p role="alert" className="text-destructive text-sm">
            {issueFor(issues, "data.task")}
          </p>
        ) : null}
      </section>

      {task && columns ? (
        <ColumnMappingSection draft={draft} task={task} columns={columns} update={update} issues={issues} />
      ) : null}

      <section aria-labelledby="data-split-heading" className="grid gap-3">
        <h2 id="data-split-heading" className="font-semibold text-lg">
          Validation split
        </h2>
        <Field
          label="Share held out for validation"
          description={`Rows set aside to measure validation loss; the model never trains on them. 0 to ${LIMITS.validationSplit.max}; default 0.1.${
            rows > 0 && trainRows !== null ? ` Here: ${trainRows} rows train, ${rows - trainRows} validate.` : ""
          }`}
          error={issueFor(issues, "data.validationSplit")}
        >
          <Input
            type="number"
            inputMode="decimal"
            step={0.05}
            min={LIMITS.validationSplit.min}
            max={LIMITS.validationSplit.max}
            className="w-32"
            value={Number.isFinite(split) ? split : ""}
            onChange={(event) => update({ validationSplit: event.target.valueAsNumber })}
          />
        </Field>
      </section>

      {draft.versions[0] && task && columns ? (
        <ExamplePreview
          version={draft.versions[0]}
          task={task}
          columns={columns}
          contextLength={base?.tokenizer === "byte" ? draft.method.contextLength : null}
        />
      ) : null}
    </div>
  );
}
