"use client";

import { useQuery } from "@tanstack/react-query";
import { datanetApi } from "@/components/datanets/versions/api-client";
import { Skeleton } from "@/components/ui/skeleton";
import type { ColumnMapping } from "@/lib/factory/columns";
import type { TrainingTask } from "@/lib/factory/config";
import { type FormattedExample, firstJsonLines, formatExample, lengthNote } from "./example-preview";
import type { ChosenVersion } from "./wizard-draft";

const PREVIEW_ROWS = 3;

/** The first rows of a version's JSONL export, reading only as much of the stream as they need. */
async function firstRowsOf(version: ChosenVersion, count: number): Promise<Record<string, unknown>[]> {
  const response = await fetch(datanetApi(version.datanetId, "versions", version.version, "export"));
  if (!response.ok || !response.body)
    throw new Error(`The version's rows could not be read (HTTP ${response.status}).`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) text += decoder.decode(value, { stream: true });
    if (done || text.split("\n").length > count + 1) break;
  }
  void reader.cancel().catch(() => undefined);
  return firstJsonLines(text, count);
}

function Example({ example }: { example: FormattedExample }) {
  const block = "whitespace-pre-wrap break-words rounded-md bg-muted/60 p-2 font-mono text-xs leading-relaxed";
  if (example.shape === "prompt-completion") {
    return (
      <div className="grid gap-1.5">
        <span className="text-muted-foreground text-xs">Prompt (not trained on)</span>
        <pre className={block}>{example.prompt}</pre>
        <span className="text-muted-foreground text-xs">Completion (trained on)</span>
        <pre className={`${block} bg-primary/10`}>{example.completion}</pre>
      </div>
    );
  }
  if (example.shape === "text-label") {
    return (
      <div className="grid gap-1.5">
        <pre className={block}>{example.text}</pre>
        <span className="text-sm">
          <span aria-hidden="true">→ </span>label <span className="font-medium font-mono">{example.label}</span>
        </span>
      </div>
    );
  }
  return <pre className={block}>{example.text}</pre>;
}

/** How the trainer fits an example longer than the context (set in the Method step), for byte-level models. */
function LengthNote({ example, contextLength }: { example: FormattedExample; contextLength: number }) {
  const note = lengthNote(example, contextLength);
  return note ? <p className="mt-2 text-muted-foreground text-xs">{note}</p> : null;
}

/** A few rows of the first chosen version, formatted as the trainer reads them for `task`. */
export function ExamplePreview({
  version,
  task,
  columns,
  contextLength,
}: {
  version: ChosenVersion;
  task: TrainingTask;
  columns: ColumnMapping;
  /** The run's context length, when tokens are bytes (the shipped byte-level models): long examples are flagged. */
  contextLength: number | null;
}) {
  const rows = useQuery({
    queryKey: ["factory-preview", version.datanetId, version.version],
    queryFn: () => firstRowsOf(version, PREVIEW_ROWS),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <section aria-labelledby="data-preview-heading" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="data-preview-heading" className="font-semibold text-lg">
          Preview of training examples
        </h2>
        <p className="text-muted-foreground text-sm">
          The first {PREVIEW_ROWS} rows of {version.datanetName} v{version.version}, formatted as the trainer reads
          them.
        </p>
      </div>
      {rows.isPending ? <Skeleton className="h-32 w-full" /> : null}
      {rows.isError ? <p className="text-destructive text-sm">{rows.error.message}</p> : null}
      {rows.data ? (
        <ol aria-label="Training examples" className="grid gap-3">
          {rows.data.map((row, index) => (
            // Rows carry their hash; the index is the fallback for a row without one.
            <li key={typeof row.rowHash === "string" ? row.rowHash : index} className="rounded-lg border bg-card p-3">
              <Example example={formatExample(task, columns, row)} />
              {contextLength ? (
                <LengthNote example={formatExample(task, columns, row)} contextLength={contextLength} />
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
