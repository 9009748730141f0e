import { Copy, EyeOff, FileWarning, type LucideIcon, Sparkles } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const FLAG_LABELS: Record<string, { label: string; icon: LucideIcon; description: string }> = {
  ingest: { label: "Format", icon: FileWarning, description: "The file had a problem on this line" },
  duplicate_in_contribution: { label: "Duplicate", icon: Copy, description: "Repeats a row of the same contribution" },
  duplicate_in_datanet: { label: "Duplicate", icon: Copy, description: "Already in this Datanet" },
  duplicate_in_other_datanet: { label: "Seen elsewhere", icon: Copy, description: "Already in another Datanet" },
  near_duplicate: { label: "Near-duplicate", icon: Sparkles, description: "At least 80% similar to another row" },
  pii: { label: "PII", icon: EyeOff, description: "Looks like personal data or a secret" },
};

/** A row's quality flags as small badges, one per type (a row with two duplicates shows one). */
export function FlagBadges({ flags }: { flags: { type: string }[] }) {
  const types = [...new Set(flags.map((f) => f.type))];
  if (types.length === 0) return null;
  return (
    <ul aria-label="Quality flags" className="flex flex-wrap gap-1">
      {types.map((type) => {
        const info = FLAG_LABELS[type] ?? { label: type, icon: FileWarning, description: type };
        const Icon = info.icon;
        return (
          <li key={type}>
            <Badge
              variant="outline"
              title={info.description}
              className={
                type === "pii"
                  ? "border-amber-500/40 bg-amber-500/10 text-amber-800 dark:text-amber-300"
                  : "border-border bg-muted/60 text-muted-foreground"
              }
            >
              <Icon aria-hidden="true" />
              {info.label}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
