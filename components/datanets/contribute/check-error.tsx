"use client";

import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { KIND_FIELDS } from "@/lib/datanets/ingest/mapping";
import type { ColumnMapping as Mapping } from "@/lib/datanets/ingest/types";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { ApiErrorCallout } from "./api-error-callout";
import { ColumnMapping } from "./column-mapping";
import type { ApiError, Mappings } from "./types";

/** The details of a missing_column refusal: the file and the columns it has, so the user can map them here. */
function missingColumn(error: ApiError): { file: string; columns: string[] } | null {
  if (error.code !== "missing_column") return null;
  const { file, columns } = error.details ?? {};
  if (typeof file !== "string" || !Array.isArray(columns)) return null;
  return { file, columns: columns.filter((c): c is string => typeof c === "string") };
}

/** The preview's refusal, with a mapping editor when a column is missing and a way back to the guessed mappings. */
export function CheckError({
  error,
  kind,
  mappings,
  onMappingChange,
  onResetMappings,
}: {
  error: ApiError;
  kind: DatanetKind;
  mappings: Mappings;
  onMappingChange: (fileName: string, mapping: Mapping) => void;
  onResetMappings: () => void;
}) {
  const missing = missingColumn(error);
  return (
    <ApiErrorCallout title="The files could not be checked" error={error}>
      {missing ? (
        <div className="mt-1 grid gap-2 rounded-lg border bg-card p-3">
          <p className="font-medium text-sm">Map the columns of {missing.file}</p>
          <ColumnMapping
            fileName={missing.file}
            fields={KIND_FIELDS[kind]}
            columns={missing.columns}
            mapping={mappings[missing.file] ?? {}}
            onChange={(mapping) => onMappingChange(missing.file, mapping)}
          />
        </div>
      ) : (
        <p className="text-muted-foreground text-xs">
          Remove or fix the file named above and check again; the other files stay in the list.
        </p>
      )}
      {Object.keys(mappings).length > 0 ? (
        <Button size="sm" variant="outline" className="w-fit" onClick={onResetMappings}>
          <RotateCcw aria-hidden="true" />
          Back to the guessed column mappings
        </Button>
      ) : null}
    </ApiErrorCallout>
  );
}
