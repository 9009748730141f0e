"use client";

import { FileUp } from "lucide-react";
import { useDropzone } from "react-dropzone";
import { DEFAULT_LIMITS } from "@/lib/datanets/ingest/limits";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { cn } from "@/lib/utils/cn";
import { acceptedExtensions, formatSize, TABULAR_EXTENSIONS } from "./file-rules";

const KIND_COLUMNS: Record<DatanetKind, string> = {
  text: "a text column",
  instruction: "prompt and completion columns",
  labelled: "text and label columns",
};

/** What a Datanet of this kind takes, as people read it. */
function acceptedLine(kind: DatanetKind): string {
  const tabular = TABULAR_EXTENSIONS.filter((e) => e !== "tab" && e !== "ndjson").map((e) => `.${e}`);
  if (kind === "text") {
    return `.txt .md ${tabular.join(" ")} .pdf .docx and source code (.py .ts .go .rs .java …)`;
  }
  return `${tabular.join(" ")} with ${KIND_COLUMNS[kind]}`;
}

/** Where files are dropped (or picked): several at once; the checks happen in the caller's onFiles. */
export function DropZone({
  kind,
  disabled,
  compact,
  onFiles,
}: {
  kind: DatanetKind;
  disabled?: boolean;
  /** A smaller zone once files are listed. */
  compact?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    multiple: true,
    disabled,
    onDrop: (accepted, rejections) => onFiles([...accepted, ...rejections.map((r) => r.file)]),
  });
  const limits = `Up to ${DEFAULT_LIMITS.maxFiles} files, ${formatSize(DEFAULT_LIMITS.maxFileBytes)} each, ${formatSize(DEFAULT_LIMITS.maxTotalBytes)} in all.`;
  return (
    <div
      {...getRootProps({
        className: cn(
          "group relative flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed bg-card/60 px-6 text-center outline-none transition-colors hover:border-primary/50 hover:bg-accent/40 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30",
          compact ? "py-6" : "py-12 sm:py-16",
          isDragActive && "border-primary bg-accent/60",
          disabled && "pointer-events-none opacity-60",
        ),
        role: "button",
        "aria-label": "Add files: drop them here, or press Enter to choose them",
      })}
    >
      <input
        {...getInputProps({
          accept: acceptedExtensions(kind)
            .map((e) => `.${e}`)
            .join(","),
        })}
        aria-label="Choose files to contribute"
        data-testid="contribute-file-input"
      />
      <span
        aria-hidden="true"
        className={cn(
          "flex items-center justify-center rounded-2xl border bg-background text-primary shadow-sm transition-transform group-hover:scale-105",
          compact ? "size-10" : "size-14",
        )}
      >
        <FileUp className={compact ? "size-5" : "size-6"} />
      </span>
      <p className="font-medium">
        {isDragActive ? (
          "Drop to add them"
        ) : (
          <>
            Drop files here or <span className="text-primary underline underline-offset-4">browse</span>
          </>
        )}
      </p>
      <p className="max-w-prose text-pretty text-muted-foreground text-sm">Accepted: {acceptedLine(kind)}.</p>
      <p className="text-muted-foreground text-xs">{limits}</p>
    </div>
  );
}
