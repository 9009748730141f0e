import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FlaggedRow } from "@/lib/datanets/quality/report";
import { FlagList } from "./flag-list";
import type { FlagContext } from "./flag-text";
import { RowSnippet } from "./row-snippet";
import type { SampleRow } from "./types";

/** Flagged rows as a table (wider screens): where, the flags explained, the row's text. */
export function FlaggedRowsTable({
  rows,
  sampled,
  context,
  caption,
}: {
  rows: readonly FlaggedRow[];
  sampled: (row: FlaggedRow) => SampleRow | undefined;
  context: FlagContext;
  caption: string;
}) {
  return (
    <Table aria-label="Flagged rows">
      <TableHeader>
        <TableRow>
          <TableHead className="w-32">Where</TableHead>
          <TableHead>Flags</TableHead>
          <TableHead className="min-w-48">Row</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.file}:${row.line}`}>
            <TableCell className="align-top font-mono text-xs">
              <span className="block max-w-40 truncate" title={`${row.file}:${row.line}`}>
                {row.file}:{row.line}
              </span>
            </TableCell>
            <TableCell className="min-w-64 align-top">
              <FlagList row={row} context={context} />
            </TableCell>
            <TableCell className="max-w-80 align-top">
              <RowSnippet row={row} sampled={sampled(row)} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableCaption>{caption}</TableCaption>
    </Table>
  );
}
