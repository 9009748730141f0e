import { CircleCheck, CircleDashed, CircleSlash, CircleX, Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import type { RunStatus } from "./api";

const LOOK: Record<RunStatus, { label: string; icon: typeof CircleCheck; className: string }> = {
  queued: { label: "queued", icon: CircleDashed, className: "border-border bg-muted text-muted-foreground" },
  running: {
    label: "running",
    icon: Loader2,
    className: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-300 [&_svg]:animate-spin",
  },
  succeeded: {
    label: "succeeded",
    icon: CircleCheck,
    className: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
  },
  failed: { label: "failed", icon: CircleX, className: "border-destructive/30 bg-destructive/10 text-destructive" },
  cancelled: {
    label: "cancelled",
    icon: CircleSlash,
    className: "border-amber-500/30 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  },
};

/** A run's status as a coloured badge with an icon (the word is the status itself). */
export function RunStatusBadge({ status, cancelling }: { status: RunStatus; cancelling?: boolean }) {
  const look = LOOK[status];
  const Icon = look.icon;
  return (
    <Badge variant="outline" data-status={status} className={cn(look.className)}>
      <Icon aria-hidden="true" />
      {cancelling && status === "running" ? "cancelling" : look.label}
    </Badge>
  );
}
