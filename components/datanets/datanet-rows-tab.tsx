import type { DatanetDetail } from "@/lib/datanets/get";
import { RowsBrowser } from "./rows/rows-browser";

/** The Rows tab: the Datanet's rows, searchable, filtered by review status, a page at a time. */
export function DatanetRowsTab({ datanet }: { datanet: DatanetDetail }) {
  return <RowsBrowser datanet={{ id: datanet.id, slug: datanet.slug, kind: datanet.kind }} />;
}
