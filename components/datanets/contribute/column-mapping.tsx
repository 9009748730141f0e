"use client";

import { ArrowLeft } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ColumnMapping as Mapping, RowField } from "@/lib/datanets/ingest/types";

/** For one tabular/JSON file: which of its columns feeds each field of the row schema. */
export function ColumnMapping({
  fileName,
  fields,
  columns,
  mapping,
  disabled,
  onChange,
}: {
  fileName: string;
  fields: readonly RowField[];
  columns: readonly string[];
  mapping: Mapping;
  disabled?: boolean;
  onChange: (mapping: Mapping) => void;
}) {
  const choices = columns.filter((c) => c !== "");
  return (
    <fieldset className="grid min-w-0 gap-3 sm:grid-cols-2">
      <legend className="sr-only">Column mapping of {fileName}</legend>
      {fields.map((field) => (
        <Field
          key={field}
          label={
            <span className="inline-flex items-center gap-1.5">
              <span className="font-mono">{field}</span>
              <ArrowLeft className="size-3 text-muted-foreground" aria-hidden="true" />
              <span className="text-muted-foreground">column</span>
            </span>
          }
          disabled={disabled}
        >
          {(control) => (
            <Select
              value={mapping[field] ?? ""}
              onValueChange={(column) => onChange({ ...mapping, [field]: column })}
              disabled={disabled}
            >
              <SelectTrigger {...control} aria-label={`${field} column of ${fileName}`} size="sm">
                <SelectValue placeholder="Choose a column" />
              </SelectTrigger>
              <SelectContent>
                {choices.map((column) => (
                  <SelectItem key={column} value={column}>
                    {column}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
      ))}
    </fieldset>
  );
}
