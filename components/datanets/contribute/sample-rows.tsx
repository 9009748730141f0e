import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KIND_FIELDS } from "@/lib/datanets/ingest/mapping";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { formatCount } from "../format";
import { SampleRowCards } from "./sample-row-cards";
import type { SampleRow } from "./types";

/** The first parsed rows, in the Datanet's schema, as they will be stored (redacted if asked). */
export function SampleRows({
  sample,
  kind,
  rowCount,
}: {
  sample: readonly SampleRow[];
  kind: DatanetKind;
  rowCount: number;
}) {
  const fields = KIND_FIELDS[kind];
  if (sample.length === 0) {
    return (
      <p className="rounded-xl border border-dashed bg-card/60 px-4 py-6 text-center text-muted-foreground text-sm">
        The files gave no usable row: see the flagged lines above.
      </p>
    );
  }
  const caption = `The first ${formatCount(sample.length)} of ${formatCount(rowCount)} rows`;
  return (
    <>
      <div className="sm:hidden">
        <SampleRowCards sample={sample} fields={fields} caption={caption} />
      </div>
      <div className="hidden sm:block">
        <Table aria-label="Sample of parsed rows">
          <TableHeader>
            <TableRow>
              <TableHead className="w-32">Source</TableHead>
              {fields.map((field) => (
                <TableHead key={field} className="normal-case">
                  <span className="font-mono">{field}</span>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sample.map((row) => (
              <TableRow key={row.position}>
                <TableCell className="align-top font-mono text-muted-foreground text-xs">
                  <span className="block max-w-40 truncate" title={`${row.file}:${row.line}`}>
                    {row.file}:{row.line}
                  </span>
                </TableCell>
                {fields.map((field) => {
                  const value = row.fields[field] ?? "";
                  return (
                    <TableCell key={field} className="min-w-48 max-w-96 align-top">
                      {value === "" ? (
                        <span className="text-muted-foreground italic">empty</span>
                      ) : (
                        <span className="line-clamp-4 whitespace-pre-wrap break-words" title={value}>
                          {value}
                        </span>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
          <TableCaption>{caption}</TableCaption>
        </Table>
      </div>
    </>
  );
}
