import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type EmptyStateProps = {
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  /** What the user will be able to do here, as short phrases. */
  capabilities?: string[];
  actions?: ReactNode;
  className?: string;
};

/** An honest placeholder for a section whose content does not exist yet. */
export function EmptyState({ icon: Icon, title, description, capabilities, actions, className }: EmptyStateProps) {
  return (
    <section
      aria-labelledby="empty-state-title"
      className={cn(
        "relative overflow-hidden rounded-2xl border border-dashed bg-card/60 px-6 py-12 text-center sm:px-12 sm:py-16",
        className,
      )}
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--primary)_10%,transparent),transparent_60%)]"
      />
      <div className="relative mx-auto flex max-w-xl flex-col items-center">
        <div className="flex size-14 items-center justify-center rounded-2xl border bg-background text-primary shadow-sm">
          <Icon className="size-6" aria-hidden="true" />
        </div>
        <h2 id="empty-state-title" className="mt-5 font-semibold text-xl tracking-tight">
          {title}
        </h2>
        <div className="mt-2 text-pretty text-muted-foreground">{description}</div>
        {capabilities && capabilities.length > 0 ? (
          <>
            <h3 className="mt-8 font-medium text-muted-foreground text-xs uppercase tracking-wider">
              What you will be able to do here
            </h3>
            <ul className="mt-3 grid w-full gap-2 text-left text-sm sm:grid-cols-2">
              {capabilities.map((item) => (
                <li key={item} className="flex items-start gap-2.5 rounded-lg border bg-background/70 px-3 py-2.5">
                  <span aria-hidden="true" className="mt-1.5 size-1.5 shrink-0 rounded-full bg-primary" />
                  <span>{item}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {actions ? <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{actions}</div> : null}
      </div>
    </section>
  );
}
