"use client";

import { Cpu, FolderInput, FolderX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { BaseModelCard, BrokenBaseModelCard } from "@/lib/factory/base-model-cards";
import { compactCount } from "./format";

type BaseModelStepProps = {
  models: BaseModelCard[];
  /** Imported checkpoint folders that cannot be used: listed greyed, each with its problem. */
  broken?: BrokenBaseModelCard[];
  /** Where checkpoints are imported to (DATA_DIR/checkpoints); null hides the how-to line. */
  checkpointsFolder?: string | null;
  value: string;
  onChange: (id: string) => void;
  error?: string;
};

const TOKENIZER_TEXT: Record<BaseModelCard["tokenizer"], string> = {
  byte: "byte-level tokenizer",
  gpt2: "GPT-2 BPE tokenizer",
  huggingface: "the checkpoint's tokenizer.json",
};

/**
 * Step 1: the base model, as radio cards with size, context length, architecture and licence: the shipped models,
 * then the imported checkpoints (badged, with their folder), then the imported folders that cannot be used.
 */
export function BaseModelStep({
  models,
  broken = [],
  checkpointsFolder = null,
  value,
  onChange,
  error,
}: BaseModelStepProps) {
  const imported = models.some((model) => model.source === "imported");
  return (
    <section aria-labelledby="base-model-heading" className="grid gap-4">
      <div className="grid gap-1">
        <h2 id="base-model-heading" className="font-semibold text-lg">
          Choose a base model
        </h2>
        <p className="text-muted-foreground text-sm">
          The model your adapter fine-tunes. Its weights stay as they are; LoRA trains a small set of extra weights on
          top, so one base serves many adapters.
        </p>
      </div>
      <RadioGroup
        value={value}
        onValueChange={onChange}
        aria-labelledby="base-model-heading"
        aria-invalid={error ? true : undefined}
        className="grid gap-3 md:grid-cols-2"
      >
        {models.map((model) => {
          const id = `base-${model.id}`;
          return (
            <Label
              key={model.id}
              htmlFor={id}
              className="flex min-w-0 cursor-pointer flex-col items-stretch gap-3 rounded-xl border bg-card p-4 font-normal shadow-xs transition-[border-color,box-shadow] hover:border-primary/40 has-data-[state=checked]:border-primary has-data-[state=checked]:ring-[3px] has-data-[state=checked]:ring-primary/15"
            >
              <span className="flex items-start gap-2.5">
                <RadioGroupItem value={model.id} id={id} aria-labelledby={`${id}-title`} className="mt-0.5" />
                <span className="grid min-w-0 gap-0.5">
                  <span id={`${id}-title`} className="flex flex-wrap items-center gap-2 font-medium leading-snug">
                    {model.title}
                    {model.source === "imported" ? <Badge variant="secondary">Imported</Badge> : null}
                  </span>
                  <span className="font-mono text-muted-foreground text-xs">{model.id}</span>
                  {model.folder ? (
                    <span className="break-all font-mono text-muted-foreground text-xs" title="Checkpoint folder">
                      {model.folder}
                    </span>
                  ) : null}
                </span>
                <Cpu className="ml-auto size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              </span>
              <span className="text-muted-foreground text-sm leading-relaxed">{model.description}</span>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                <div className="grid gap-0.5">
                  <dt className="text-muted-foreground text-xs">Size</dt>
                  <dd className="font-medium tabular-nums">{compactCount(model.parameters)} parameters</dd>
                </div>
                <div className="grid gap-0.5">
                  <dt className="text-muted-foreground text-xs">Context length</dt>
                  <dd className="font-medium tabular-nums">{model.contextLength} tokens</dd>
                </div>
                <div className="col-span-2 grid gap-0.5">
                  <dt className="text-muted-foreground text-xs">Architecture</dt>
                  <dd>{model.architecture}</dd>
                </div>
                <div className="col-span-2 grid gap-0.5">
                  <dt className="text-muted-foreground text-xs">Licence</dt>
                  <dd className="flex flex-wrap items-center gap-2">
                    <Badge variant="outline">{model.license.spdx}</Badge>
                    {model.license.spdx === "unknown" ? (
                      <span className="text-muted-foreground text-xs">{model.license.name}</span>
                    ) : null}
                    <span className="text-muted-foreground text-xs">
                      {TOKENIZER_TEXT[model.tokenizer]} · {model.vocabSize} tokens
                    </span>
                  </dd>
                </div>
              </dl>
            </Label>
          );
        })}
      </RadioGroup>
      {broken.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="font-medium text-muted-foreground text-sm">Imported folders that cannot be used</h3>
          <ul className="grid gap-2 md:grid-cols-2">
            {broken.map((folder) => (
              <li
                key={folder.name}
                aria-disabled="true"
                className="grid min-w-0 gap-1 rounded-xl border border-dashed bg-muted/40 p-4 text-muted-foreground opacity-70"
              >
                <span className="flex items-start gap-2">
                  <FolderX className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                  <span className="grid min-w-0 gap-0.5">
                    <span className="font-medium">{folder.id ?? folder.name}</span>
                    <span className="break-all font-mono text-xs">{folder.folder}</span>
                  </span>
                </span>
                <span className="text-sm">{folder.problem}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {checkpointsFolder && !imported && broken.length === 0 ? (
        <p className="flex items-start gap-2 text-muted-foreground text-sm">
          <FolderInput className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            To fine-tune your own GPT-2 or Llama checkpoint, put its Hugging Face folder in{" "}
            <code className="font-mono text-xs">{checkpointsFolder}/&lt;name&gt;</code> or run{" "}
            <code className="font-mono text-xs">npm run checkpoint:import -- &lt;folder&gt;</code>, then reload.
          </span>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </section>
  );
}
