"use client";

import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { DATANET_KINDS, type DatanetKind } from "@/lib/datanets/kinds";
import { KIND_INFO } from "./kind-info";

type KindChoiceProps = {
  value: DatanetKind | undefined;
  onChange: (kind: DatanetKind) => void;
  labelId: string;
  describedBy?: string;
  invalid?: boolean;
};

/** The three kinds of Datanet as radio cards, each with its row schema and a tiny example row. */
export function KindChoice({ value, onChange, labelId, describedBy, invalid }: KindChoiceProps) {
  return (
    <RadioGroup
      value={value ?? ""}
      onValueChange={(next) => onChange(next as DatanetKind)}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="grid gap-3 md:grid-cols-3"
    >
      {DATANET_KINDS.map((kind) => {
        const info = KIND_INFO[kind];
        const id = `kind-${kind}`;
        return (
          <Label
            key={kind}
            htmlFor={id}
            className="flex cursor-pointer flex-col items-stretch gap-2 rounded-xl border bg-card p-4 font-normal shadow-xs transition-[border-color,box-shadow] hover:border-primary/40 has-data-[state=checked]:border-primary has-data-[state=checked]:ring-[3px] has-data-[state=checked]:ring-primary/15"
          >
            <span className="flex items-center gap-2.5">
              <RadioGroupItem value={kind} id={id} aria-labelledby={`${id}-name`} aria-describedby={`${id}-about`} />
              <span id={`${id}-name`} className="font-medium">
                {info.label}
              </span>
            </span>
            <span id={`${id}-about`} className="flex flex-col gap-2">
              <span className="text-muted-foreground text-xs leading-relaxed">{info.description}</span>
              <span className="font-mono text-[11px] text-primary">rows: {info.schema}</span>
            </span>
            <code className="mt-auto block whitespace-pre-wrap break-words rounded-md bg-muted px-2 py-1.5 font-mono text-[11px] text-muted-foreground leading-relaxed">
              {JSON.stringify(info.example)}
            </code>
          </Label>
        );
      })}
    </RadioGroup>
  );
}
