import { CircleX, Info } from "lucide-react";
import type { DescribedError } from "@/lib/chain/contract-errors";
import { cn } from "@/lib/utils/cn";

/** A decoded error: the headline, the custom error call in mono, hints, and viem's details on demand. */
export function ErrorCallout({
  title,
  error,
  className,
}: {
  title: string;
  error: DescribedError;
  className?: string;
}) {
  const muted = error.kind === "rejected";
  return (
    <div
      role="alert"
      className={cn(
        "flex min-w-0 gap-2.5 rounded-lg border px-3 py-2.5 text-sm",
        muted ? "border-border bg-muted/60" : "border-destructive/30 bg-destructive/5",
        className,
      )}
    >
      {muted ? (
        <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      ) : (
        <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
      )}
      <div className="grid min-w-0 flex-1 gap-1">
        <p className={cn("font-medium", muted ? "text-foreground" : "text-destructive")}>{title}</p>
        <p className={cn("break-all", error.errorName ? "font-mono text-[13px]" : "text-muted-foreground")}>
          {error.summary}
        </p>
        {error.hints.map((hint) => (
          <p key={hint} className="text-muted-foreground text-xs">
            {hint}
          </p>
        ))}
        {error.details ? (
          <details className="text-muted-foreground text-xs">
            <summary className="cursor-pointer select-none hover:text-foreground">Details</summary>
            <pre className="mt-1 whitespace-pre-wrap break-all font-mono">{error.details}</pre>
          </details>
        ) : null}
      </div>
    </div>
  );
}
