import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type StatProps = {
  label: string;
  value: ReactNode;
  /** A line of context under the value: "+12 this week", "of 1,000,000,000". */
  hint?: ReactNode;
  icon?: LucideIcon;
  className?: string;
};

/** A small statistic card: label, a big value, an optional hint and icon. */
export function Stat({ label, value, hint, icon: Icon, className }: StatProps) {
  return (
    <div
      data-slot="stat"
      className={cn("flex flex-col gap-1 rounded-xl border bg-card p-4 text-card-foreground shadow-xs", className)}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium text-muted-foreground text-sm">{label}</p>
        {Icon ? (
          <span className="flex size-7 items-center justify-center rounded-md bg-accent text-accent-foreground">
            <Icon className="size-4" aria-hidden="true" />
          </span>
        ) : null}
      </div>
      <p className="font-semibold text-2xl tabular-nums tracking-tight">{value}</p>
      {hint ? <p className="text-muted-foreground text-xs">{hint}</p> : null}
    </div>
  );
}
