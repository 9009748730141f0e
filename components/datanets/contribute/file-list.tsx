"use client";

import { FileText, FileWarning, X } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { formatSize } from "./file-rules";
import type { DroppedFile } from "./types";

/** The dropped files as chips: name, size and a remove button each. */
export function FileList({
  files,
  disabled,
  faulty,
  onRemove,
}: {
  files: readonly DroppedFile[];
  disabled?: boolean;
  /** The file the server's last refusal named, marked so it is found at a glance. */
  faulty?: string | undefined;
  onRemove: (id: string) => void;
}) {
  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  return (
    <div className="grid gap-2">
      <p className="text-muted-foreground text-sm">
        {files.length} file{files.length === 1 ? "" : "s"} · {formatSize(total)}
      </p>
      <ul aria-label="Files to contribute" className="flex flex-wrap gap-2">
        {files.map(({ id, file }) => (
          <li
            key={id}
            className={cn(
              "flex min-w-0 max-w-full items-center gap-2 rounded-lg border bg-card py-1 pr-1 pl-2.5 text-sm shadow-xs",
              file.name === faulty && "border-destructive/60 bg-destructive/5",
            )}
          >
            {file.name === faulty ? (
              <FileWarning className="size-4 shrink-0 text-destructive" aria-hidden="true" />
            ) : (
              <FileText className="size-4 shrink-0 text-primary" aria-hidden="true" />
            )}
            <span className="min-w-0 truncate font-medium" title={file.name}>
              {file.name}
              {file.name === faulty ? <span className="sr-only"> (refused by the server)</span> : null}
            </span>
            <span className="shrink-0 text-muted-foreground text-xs tabular-nums">{formatSize(file.size)}</span>
            <button
              type="button"
              onClick={() => onRemove(id)}
              disabled={disabled}
              aria-label={`Remove ${file.name}`}
              className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50"
            >
              <X className="size-3.5" aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
