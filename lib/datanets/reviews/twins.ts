/** Where a flagged row's twin lives, as stored in its flags. */
export type TwinRef =
  | { source: "contribution"; file: string; line: number }
  | { source: "existing"; datanetId: string; rowId: string };

/** A twin of a flagged row: the kind of match and where its twin is. */
export interface TwinLink {
  type: "near_duplicate" | "duplicate_in_contribution" | "duplicate_in_datanet" | "duplicate_in_other_datanet";
  similarity: number | null;
  ref: TwinRef;
}

/** The twins a row's stored flags point to (near-duplicates and exact duplicates), in flag order. */
export function twinLinks(flags: unknown): TwinLink[] {
  if (!Array.isArray(flags)) return [];
  const links: TwinLink[] = [];
  for (const flag of flags as Record<string, unknown>[]) {
    if (flag.type === "near_duplicate") {
      const twin = flag.twin as Record<string, unknown> | undefined;
      const ref = twinRef(twin);
      if (ref) links.push({ type: "near_duplicate", similarity: Number(flag.similarity ?? 0), ref });
    } else if (flag.type === "duplicate_in_contribution") {
      const first = flag.first as Record<string, unknown> | undefined;
      if (first) {
        links.push({
          type: "duplicate_in_contribution",
          similarity: 1,
          ref: { source: "contribution", file: String(first.file), line: Number(first.line) },
        });
      }
    } else if (flag.type === "duplicate_in_datanet" || flag.type === "duplicate_in_other_datanet") {
      const existing = flag.existing as Record<string, unknown> | undefined;
      if (existing) {
        links.push({
          type: flag.type,
          similarity: 1,
          ref: { source: "existing", datanetId: String(existing.datanetId), rowId: String(existing.rowId) },
        });
      }
    }
  }
  return links;
}

function twinRef(twin: Record<string, unknown> | undefined): TwinRef | null {
  if (!twin) return null;
  if (twin.source === "contribution")
    return { source: "contribution", file: String(twin.file), line: Number(twin.line) };
  if (twin.source === "existing") {
    return { source: "existing", datanetId: String(twin.datanetId), rowId: String(twin.rowId) };
  }
  return null;
}
