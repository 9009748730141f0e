import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type PageHeaderProps = {
  icon: LucideIcon;
  /** Where this section sits in the flow, e.g. "Step 1 · Curate". */
  eyebrow: string;
  title: string;
  description: ReactNode;
  /** The page's main actions (e.g. a "New …" button), beside the title on wide screens. */
  actions?: ReactNode;
};

export function PageHeader({ icon: Icon, eyebrow, title, description, actions }: PageHeaderProps) {
  return (
    <div className="flex flex-col gap-6 border-b pb-8 sm:flex-row sm:items-end sm:justify-between">
      <div className="flex min-w-0 flex-col gap-3">
        <p className="flex items-center gap-2 font-medium text-primary text-sm">
          <span className="flex size-6 items-center justify-center rounded-md bg-accent">
            <Icon className="size-3.5" aria-hidden="true" />
          </span>
          {eyebrow}
        </p>
        <h1 className="font-semibold text-3xl tracking-tight sm:text-4xl">{title}</h1>
        <p className="max-w-2xl text-pretty text-muted-foreground sm:text-lg">{description}</p>
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
