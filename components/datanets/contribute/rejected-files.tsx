"use client";

import { FileX, X } from "lucide-react";

/** Files the browser refused before any upload, each with the reason and the limit it broke. */
export function RejectedFiles({ messages, onDismiss }: { messages: readonly string[]; onDismiss: () => void }) {
  if (messages.length === 0) return null;
  return (
    <div
      role="alert"
      className="flex gap-2.5 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm"
    >
      <FileX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="font-medium text-destructive">
          {messages.length === 1 ? "A file was not added" : `${messages.length} files were not added`}
        </p>
        <ul className="grid gap-0.5 text-muted-foreground">
          {messages.map((message) => (
            <li key={message} className="break-words">
              {message}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
      >
        <X className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
}
