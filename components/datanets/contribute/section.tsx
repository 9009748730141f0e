import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A titled block of the Contribute tab: a heading, an optional line under it and actions beside it. */
export function Section({
  title,
  description,
  actions,
  children,
  className,
  busy,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Dims the content while it is being recomputed. */
  busy?: boolean;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} aria-busy={busy || undefined} className={cn("grid min-w-0 gap-3", className)}>
      <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
        <div className="grid min-w-0 gap-0.5">
          <h2 id={id} className="font-semibold text-lg tracking-tight">
            {title}
          </h2>
          {description ? <div className="text-muted-foreground text-sm">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className={cn("grid min-w-0 gap-3 transition-opacity", busy && "pointer-events-none opacity-60")}>
        {children}
      </div>
    </section>
  );
}
