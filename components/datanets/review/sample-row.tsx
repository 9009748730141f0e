"use client";

import { Ban, Undo2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { cn } from "@/lib/utils/cn";
import { ExpandableText } from "../rows/expandable-text";
import { FlagBadges } from "../rows/flag-badges";
import { KIND_FIELDS } from "../rows/kind-columns";
import { TwinNote } from "./twin-note";
import type { SampleRowJson } from "./types";

type SampleRowProps = {
  row: SampleRowJson;
  kind: DatanetKind;
  datanetId: string;
  /** The reason this row is rejected for, or undefined when it is kept. */
  rejection: string | undefined;
  onRejection: (reason: string | undefined) => void;
  disabled: boolean;
};

/** One sampled row for a reviewer: its fields, flags and twins, with "reject this row" and a reason. */
export function SampleRow({ row, kind, datanetId, rejection, onRejection, disabled }: SampleRowProps) {
  const reasonId = useId();
  const rejected = rejection !== undefined;
  return (
    <li
      className={cn("grid gap-2 rounded-lg border p-3", rejected && "border-destructive/40 bg-destructive/5")}
      aria-label={`Row ${row.position + 1}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono text-muted-foreground text-xs">
          #{row.position + 1} · {row.file}:{row.line}
        </span>
        <div className="flex items-center gap-2">
          <FlagBadges flags={row.flags} />
          <Button
            variant={rejected ? "outline" : "ghost"}
            size="sm"
            onClick={() => onRejection(rejected ? undefined : "")}
            disabled={disabled}
            aria-pressed={rejected}
          >
            {rejected ? <Undo2 aria-hidden="true" /> : <Ban aria-hidden="true" />}
            {rejected ? "Keep this row" : "Reject this row"}
          </Button>
        </div>
      </div>
      <dl className="grid gap-1.5 text-[13px]">
        {KIND_FIELDS[kind].map((field) => (
          <div key={field.key} className="grid gap-0.5 sm:grid-cols-[6rem_minmax(0,1fr)] sm:gap-3">
            <dt className="text-muted-foreground text-xs sm:pt-0.5">{field.label}</dt>
            <dd className="min-w-0">
              <ExpandableText text={row.fields[field.key] ?? ""} />
            </dd>
          </div>
        ))}
      </dl>
      {row.twins.map((twin, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's twins keep their stored order
        <TwinNote key={index} twin={twin} datanetId={datanetId} />
      ))}
      {rejected ? (
        <div className="grid gap-1">
          <label htmlFor={reasonId} className="font-medium text-xs">
            Why reject row {row.position + 1}?
          </label>
          <Input
            id={reasonId}
            value={rejection}
            onChange={(event) => onRejection(event.target.value)}
            placeholder="e.g. duplicate of row 3, contains an email address"
            maxLength={500}
            disabled={disabled}
            aria-invalid={rejection.trim().length < 3 ? true : undefined}
          />
        </div>
      ) : null}
    </li>
  );
}
