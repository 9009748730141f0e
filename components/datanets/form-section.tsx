import type { ReactNode } from "react";

/** A titled group of form fields, with a line saying what the group decides. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="grid gap-6 rounded-xl border bg-card p-5 shadow-xs sm:p-6">
      <div className="grid gap-1">
        <h2 id={id} className="font-semibold text-lg tracking-tight">
          {title}
        </h2>
        <p className="text-muted-foreground text-sm">{description}</p>
      </div>
      {children}
    </section>
  );
}
