"use client";

import type { RunDetailJson } from "./api";

const LEVEL_LOOK: Record<string, string> = {
  info: "text-muted-foreground",
  warn: "text-amber-700 dark:text-amber-400",
  error: "text-destructive",
};

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** What happened to the run, in words: launched, taken by a trainer, checkpoints, validation, the end. */
export function RunLogs({ logs }: { logs: RunDetailJson["logs"] }) {
  return (
    <section aria-labelledby="logs-heading" className="grid gap-2">
      <h2 id="logs-heading" className="font-medium">
        Log
      </h2>
      {logs.length === 0 ? (
        <p className="text-muted-foreground text-sm">Nothing has happened to this run yet.</p>
      ) : (
        <ol
          aria-label="Run log"
          className="grid max-h-72 gap-0.5 overflow-y-auto rounded-lg border bg-muted/40 p-3 font-mono text-xs"
        >
          {logs.map((line) => (
            <li key={line.id} className="grid grid-cols-[auto_1fr] gap-3">
              <time dateTime={line.at} className="text-muted-foreground tabular-nums">
                {time(line.at)}
              </time>
              <span className={`break-words ${LEVEL_LOOK[line.level] ?? ""}`}>
                {line.level === "info" ? "" : `${line.level}: `}
                {line.message}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
