import type { LucideIcon } from "lucide-react";

type DatanetTabPlaceholderProps = {
  icon: LucideIcon;
  title: string;
  /** What the tab will let people do. */
  description: string;
};

/** A tab whose content is coming in the next step of the Datanets work: says so plainly. */
export function DatanetTabPlaceholder({ icon: Icon, title, description }: DatanetTabPlaceholderProps) {
  return (
    <section
      aria-label={title}
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card/60 px-6 py-14 text-center"
    >
      <span className="flex size-12 items-center justify-center rounded-xl border bg-background text-primary shadow-sm">
        <Icon className="size-5" aria-hidden="true" />
      </span>
      <h2 className="font-semibold text-lg tracking-tight">{title}</h2>
      <p className="max-w-md text-pretty text-muted-foreground text-sm">{description}</p>
      <p className="rounded-full border bg-background px-3 py-1 text-muted-foreground text-xs">
        Coming in the next step
      </p>
    </section>
  );
}
