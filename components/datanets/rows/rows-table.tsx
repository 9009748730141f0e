import { Ban } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { ContributorLink } from "../contributors/contributor-link";
import { ContributionPopover } from "./contribution-popover";
import { ExpandableText } from "./expandable-text";
import { FlagBadges } from "./flag-badges";
import { KIND_FIELDS } from "./kind-columns";
import type { RowsPage } from "./types";

/** One page of rows in the kind's columns, each with its flags, contribution and contributor. */
export function RowsTable({ slug, kind, rows }: { slug: string; kind: DatanetKind; rows: RowsPage["items"] }) {
  const fields = KIND_FIELDS[kind];
  return (
    <Table aria-label="Rows">
      <TableHeader>
        <TableRow>
          <TableHead className="w-16">#</TableHead>
          {fields.map((field) => (
            <TableHead key={field.key}>{field.label}</TableHead>
          ))}
          <TableHead>Flags</TableHead>
          <TableHead>Source</TableHead>
          <TableHead>Contributor</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-rejected={row.rejected || undefined} className="align-top">
            <TableCell className="pt-3 align-top font-mono text-muted-foreground text-xs tabular-nums">
              {row.id}
            </TableCell>
            {fields.map((field) => (
              <TableCell
                key={field.key}
                className={
                  field.key === "label" ? "align-top" : "min-w-56 max-w-[28rem] align-top text-[13px] leading-relaxed"
                }
              >
                {field.key === "label" ? (
                  <Badge variant="secondary">{row.fields[field.key] ?? ""}</Badge>
                ) : (
                  <ExpandableText text={row.fields[field.key] ?? ""} />
                )}
              </TableCell>
            ))}
            <TableCell className="align-top">
              <div className="flex min-w-28 flex-col gap-1">
                {row.rejected ? (
                  <Badge variant="outline" className="border-destructive/40 bg-destructive/10 text-destructive">
                    <Ban aria-hidden="true" />
                    Rejected by reviewers
                  </Badge>
                ) : null}
                {row.contributionStatus === "pending" ? (
                  <Badge variant="outline" className="text-muted-foreground">
                    Pending review
                  </Badge>
                ) : null}
                <FlagBadges flags={row.flags} />
                {!row.rejected && row.flags.length === 0 && row.contributionStatus !== "pending" ? (
                  <span className="text-muted-foreground text-xs">—</span>
                ) : null}
              </div>
            </TableCell>
            <TableCell className="align-top">
              <ContributionPopover
                slug={slug}
                contributionId={row.contributionId}
                status={row.contributionStatus}
                contributor={row.contributor}
                file={row.file}
                line={row.line}
                createdAt={row.createdAt}
              />
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
