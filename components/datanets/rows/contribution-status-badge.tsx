import { CircleCheck, CircleX, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

const STATUS = {
  pending: {
    label: "Pending",
    icon: Clock,
    className: "border-amber-500/40 bg-amber-500/10 text-amber-800 dark:text-amber-300",
  },
  accepted: {
    label: "Accepted",
    icon: CircleCheck,
    className: "border-emerald-500/40 bg-emerald-500/10 text-emerald-800 dark:text-emerald-300",
  },
  rejected: { label: "Rejected", icon: CircleX, className: "border-destructive/40 bg-destructive/10 text-destructive" },
} as const;

/** A contribution's review status as a coloured badge with an icon (never colour alone). */
export function ContributionStatusBadge({ status, className }: { status: keyof typeof STATUS; className?: string }) {
  const { label, icon: Icon, className: tone } = STATUS[status];
  return (
    <Badge variant="outline" className={cn(tone, className)}>
      <Icon aria-hidden="true" />
      {label}
    </Badge>
  );
}
