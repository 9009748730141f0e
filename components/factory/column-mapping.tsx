"use client";

import { RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  type ColumnMapping,
  type ColumnRole,
  describeColumns,
  ROLES_OF_TASK,
  type RowField,
  sharedFields,
} from "@/lib/factory/columns";
import type { TrainingTask } from "@/lib/factory/config";
import { type ConfigIssue, issueFor, type WizardDraft } from "./wizard-draft";

const ROLE_ABOUT: Record<TrainingTask, Partial<Record<ColumnRole, { label: string; about: string }>>> = {
  causal_lm: {
    text: {
      label: "Text to learn",
      about: "The fields joined (by a newline) into the text the model learns to continue.",
    },
  },
  instruction: {
    prompt: { label: "Prompt", about: "What the model is asked. It is not trained on." },
    completion: { label: "Completion", about: "The answer the model learns to write." },
  },
  classification: {
    text: { label: "Text", about: "The fields joined (by a newline) into the text to label." },
    label: { label: "Label", about: "The class the model learns to pick; every distinct value is one class." },
  },
};

type ColumnMappingProps = {
  draft: WizardDraft;
  task: TrainingTask;
  /** The mapping in force: the draft's own, or the first version's default. */
  columns: ColumnMapping;
  update: (change: Partial<WizardDraft>) => void;
  issues: ConfigIssue[];
};

/** The data step's column mapping: which row fields feed which part of a training example. */
export function ColumnMappingSection({ draft, task, columns, update, issues }: ColumnMappingProps) {
  const fields = sharedFields(draft.versions.map((v) => v.kind));
  const roles: readonly ColumnRole[] = ROLES_OF_TASK[task];
  const set = (role: ColumnRole, value: RowField | RowField[]) => {
    const next: ColumnMapping = {};
    for (const r of roles) {
      const current = columns[r];
      if (r === "text")
        next.text = [...(r === role ? (value as RowField[]) : ((current as RowField[] | undefined) ?? []))];
      else next[r] = (r === role ? value : current) as RowField;
    }
    update({ columns: next });
  };
  const error = issueFor(issues, "data.columns");

  return (
    <section aria-labelledby="data-columns-heading" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="data-columns-heading" className="flex items-center gap-2 font-semibold text-lg">
          Columns
          {draft.columns ? null : <Badge variant="accent">automatic</Badge>}
        </h2>
        <p className="text-muted-foreground text-sm">
          Which fields of each row make a training example. Now:{" "}
          <span className="font-mono">{describeColumns(task, columns)}</span>.
          {draft.columns ? null : " Automatic follows each Datanet's kind; change it here to train on other fields."}
        </p>
      </div>
      <div className="grid gap-4 rounded-xl border bg-card p-4 md:grid-cols-2">
        {roles.map((role) => {
          const about = ROLE_ABOUT[task][role];
          if (!about) return null;
          if (role === "text") {
            const chosen = columns.text ?? [];
            return (
              <fieldset key={role} className="grid gap-2">
                <legend className="mb-1 font-medium text-sm">{about.label}</legend>
                <div className="flex flex-wrap gap-4">
                  {fields.map((f) => {
                    const id = `columns-text-${f}`;
                    const checked = chosen.includes(f);
                    return (
                      <span key={f} className="flex items-center gap-2">
                        <Checkbox
                          id={id}
                          checked={checked}
                          onCheckedChange={(on) =>
                            set(
                              "text",
                              fields.filter((x) => (x === f ? on === true : chosen.includes(x))),
                            )
                          }
                        />
                        <Label htmlFor={id} className="font-mono font-normal">
                          {f}
                        </Label>
                      </span>
                    );
                  })}
                </div>
                <p className="text-muted-foreground text-xs">{about.about}</p>
              </fieldset>
            );
          }
          return (
            <Field key={role} label={about.label} description={about.about}>
              {(control) => (
                <Select
                  value={(columns[role] as string | undefined) ?? ""}
                  onValueChange={(v) => set(role, v as RowField)}
                >
                  <SelectTrigger {...control} className="w-full font-mono sm:w-56">
                    <SelectValue placeholder="Choose a field" />
                  </SelectTrigger>
                  <SelectContent>
                    {fields.map((f) => (
                      <SelectItem key={f} value={f} className="font-mono">
                        {f}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </Field>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
      {draft.columns ? (
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="justify-self-start"
          onClick={() => update({ columns: null })}
        >
          <RotateCcw aria-hidden="true" />
          Back to automatic
        </Button>
      ) : null}
    </section>
  );
}
