"use client";

import { useState } from "react";
import { cn } from "@/lib/utils/cn";

/** Characters shown before a cell is cut short. */
const PREVIEW_CHARS = 160;

/** Text cut to a preview with a "more" toggle; short text is shown whole. */
export function ExpandableText({ text, className }: { text: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > PREVIEW_CHARS;
  const shown = long && !open ? `${text.slice(0, PREVIEW_CHARS).trimEnd()}…` : text;
  return (
    <div className={cn("min-w-0", className)}>
      <p className="whitespace-pre-wrap break-words">{shown}</p>
      {long ? (
        <button
          type="button"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          className="mt-0.5 font-medium text-primary text-xs underline-offset-4 hover:underline"
        >
          {open ? "Show less" : `Show all ${text.length.toLocaleString("en-US")} characters`}
        </button>
      ) : null}
    </div>
  );
}
