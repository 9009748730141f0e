"use client";

import { Cpu } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { BaseModelCard } from "@/lib/factory/base-model-cards";
import { compactCount } from "./format";

type BaseModelStepProps = {
  models: BaseModelCard[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
};

/** Step 1: the base model, as radio cards with size, context length, architecture and licence. */
export function BaseModelStep({ models, value, onChange, error }: BaseModelStepProps) {
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
                  <span id={`${id}-title`} className="font-medium leading-snug">
                    {model.title}
                  </span>
                  <span className="font-mono text-muted-foreground text-xs">{model.id}</span>
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
                    <span className="text-muted-foreground text-xs">
                      {model.tokenizer}-level tokenizer · {model.vocabSize} tokens
                    </span>
                  </dd>
                </div>
              </dl>
            </Label>
          );
        })}
      </RadioGroup>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </section>
  );
}
