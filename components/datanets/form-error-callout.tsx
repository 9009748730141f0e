import { CircleX } from "lucide-react";
import type { ApiError } from "./post-datanet";

/** The server's refusal of a submitted form: its message, and any problems no field shows. */
export function FormErrorCallout({ error, unplaced }: { error: ApiError; unplaced: string[] }) {
  return (
    <div
      role="alert"
      className="flex min-w-0 gap-2.5 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm"
    >
      <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="font-medium text-destructive">The Datanet was not created</p>
        {error.issues?.length ? <p>Some fields need another look: see the messages beside them.</p> : null}
        <p className="break-words text-muted-foreground">{error.message}</p>
        {unplaced.length > 0 ? (
          <ul className="list-disc pl-4 text-muted-foreground text-xs">
            {unplaced.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
