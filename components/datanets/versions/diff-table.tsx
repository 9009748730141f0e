import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DatanetKind } from "@/lib/datanets/kinds";
import type { DiffRow } from "@/lib/datanets/version-diff";
import { cn } from "@/lib/utils/cn";
import { ContributorLink } from "../contributors/contributor-link";
import { ExpandableText } from "../rows/expandable-text";
import { FlagBadges } from "../rows/flag-badges";
import { KIND_FIELDS } from "../rows/kind-columns";

/** A page of rows added to (or removed from) a version, each with its contributor and source. */
export function DiffTable({
  slug,
  kind,
  side,
  rows,
}: {
  slug: string;
  kind: DatanetKind;
  side: "added" | "removed";
  rows: DiffRow[];
}) {
  const fields = KIND_FIELDS[kind];
  return (
    <Table aria-label={side === "added" ? "Rows added" : "Rows removed"}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-8">
            <span className="sr-only">Change</span>
          </TableHead>
          {fields.map((field) => (
            <TableHead key={field.key}>{field.label}</TableHead>
          ))}
          <TableHead>Flags</TableHead>
          <TableHead>Contribution</TableHead>
          <TableHead>Contributor</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} className={cn(side === "added" ? "bg-emerald-500/[0.04]" : "bg-destructive/[0.04]")}>
            <TableCell
              className={cn(
                "align-top font-mono font-semibold",
                side === "added" ? "text-emerald-700 dark:text-emerald-400" : "text-destructive",
              )}
              aria-label={side}
            >
              {side === "added" ? "+" : "−"}
            </TableCell>
            {fields.map((field) => (
              <TableCell
                key={field.key}
                className={field.key === "label" ? "align-top" : "min-w-56 max-w-[28rem] align-top text-[13px]"}
              >
                {field.key === "label" ? (
                  <Badge variant="secondary">{row.fields[field.key] ?? ""}</Badge>
                ) : (
                  <ExpandableText text={row.fields[field.key] ?? ""} />
                )}
              </TableCell>
            ))}
            <TableCell className="align-top">
              <FlagBadges flags={row.flags} />
            </TableCell>
            <TableCell className="align-top font-mono text-muted-foreground text-xs" title={row.contributionId}>
              {row.file}:{row.line}
              <span className="block">{row.contributionId.slice(0, 10)}…</span>
            </TableCell>
            <TableCell className="align-top">
              <ContributorLink slug={slug} address={row.contributor} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
