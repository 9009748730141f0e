import { ClipboardCheck, GitCommitVertical, type LucideIcon, PenLine, Upload } from "lucide-react";

const STEPS: { icon: LucideIcon; title: string; text: string }[] = [
  {
    icon: PenLine,
    title: "You create it",
    text: "Its purpose, licence, row schema and review rule. Nothing is sent on-chain yet.",
  },
  {
    icon: Upload,
    title: "People contribute",
    text: "They drop files, see every row checked, and sign their contribution with their wallet.",
  },
  {
    icon: ClipboardCheck,
    title: "Reviewers decide",
    text: "A contribution is accepted once enough reviewers have approved it, by your rule.",
  },
  {
    icon: GitCommitVertical,
    title: "You publish versions",
    text: "Immutable snapshots of the accepted rows, registered on-chain, that models train on.",
  },
];

/** What happens after the form, beside it on wide screens. */
export function CreateDatanetGuide() {
  return (
    <aside
      aria-labelledby="create-guide"
      className="flex flex-col gap-4 rounded-xl border bg-card/60 p-5 lg:sticky lg:top-24"
    >
      <h2 id="create-guide" className="font-semibold">
        What happens next
      </h2>
      <ol className="flex flex-col gap-4">
        {STEPS.map(({ icon: Icon, title, text }) => (
          <li key={title} className="flex gap-3">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-foreground">
              <Icon className="size-4" aria-hidden="true" />
            </span>
            <span className="flex flex-col gap-0.5">
              <span className="font-medium text-sm">{title}</span>
              <span className="text-muted-foreground text-xs leading-relaxed">{text}</span>
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
