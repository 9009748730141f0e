"use client";

import { XIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

type FacetChipsProps = {
  /** Names the group: "Tags", "Domains". */
  label: string;
  options: { value: string; count: number }[];
  selected: string | undefined;
  onSelect: (value: string | null) => void;
  /** How many chips to show; the selected one is always among them. */
  limit?: number;
  prefix?: string;
};

/** A row of toggle chips for one facet (tag or domain); one may be selected at a time. */
export function FacetChips({ label, options, selected, onSelect, limit = 12, prefix = "" }: FacetChipsProps) {
  if (options.length === 0) return null;
  const shown = options.slice(0, limit);
  const chosen = options.find((o) => o.value === selected);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  return (
    <fieldset className="flex min-w-0 flex-wrap items-center gap-1.5">
      <legend className="float-left mr-1 font-medium text-muted-foreground text-xs">{label}</legend>
      {shown.map((option) => {
        const active = option.value === selected;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={active}
            onClick={() => onSelect(active ? null : option.value)}
            className={cn(
              "inline-flex h-7 items-center gap-1 rounded-full border px-2.5 text-xs outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/40",
              active
                ? "border-primary/40 bg-accent font-medium text-accent-foreground"
                : "bg-card text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            {prefix}
            {option.value}
            <span className="tabular-nums opacity-60">{option.count}</span>
            {active ? <XIcon className="size-3" aria-hidden="true" /> : null}
          </button>
        );
      })}
    </fieldset>
  );
}
