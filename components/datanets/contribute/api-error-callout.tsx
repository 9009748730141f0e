import { CircleX } from "lucide-react";
import type { ReactNode } from "react";
import type { ApiError } from "./types";

/** A request the server refused: what failed, its message and code, and what the user can do next. */
export function ApiErrorCallout({ title, error, children }: { title: string; error: ApiError; children?: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex min-w-0 gap-2.5 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm"
    >
      <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
      <div className="grid min-w-0 flex-1 gap-1.5">
        <p className="font-medium text-destructive">{title}</p>
        <p className="break-words">{error.message}</p>
        <p className="text-muted-foreground text-xs">
          Error code <code className="rounded bg-muted px-1 py-0.5 font-mono">{error.code}</code>
          {error.status ? ` · HTTP ${error.status}` : ""}
        </p>
        {children}
      </div>
    </div>
  );
}
