import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type PageHeaderProps = {
  icon: LucideIcon;
  /** Where this section sits in the flow, e.g. "Step 1 · Curate". */
  eyebrow: string;
  title: string;
  description: ReactNode;
};

export function PageHeader({ icon: Icon, eyebrow, title, description }: PageHeaderProps) {
  return (
    <div className="flex flex-col gap-3 border-b pb-8">
      <p className="flex items-center gap-2 font-medium text-primary text-sm">
        <span className="flex size-6 items-center justify-center rounded-md bg-accent">
          <Icon className="size-3.5" aria-hidden="true" />
        </span>
        {eyebrow}
      </p>
      <h1 className="font-semibold text-3xl tracking-tight sm:text-4xl">{title}</h1>
      <p className="max-w-2xl text-pretty text-muted-foreground sm:text-lg">{description}</p>
    </div>
  );
}
