import type { Db } from "@/lib/db/client";
import type { QualityReport } from "../quality";

/** A Datanet a preview's flags point into, as the report links to it. */
export interface TwinDatanet {
  name: string;
  slug: string;
}

/** The Datanets whose stored rows the report's flags name (exact duplicates and near-duplicate twins). */
export function twinDatanetIds(report: Pick<QualityReport, "rows">): string[] {
  const ids = new Set<string>();
  for (const row of report.rows) {
    for (const flag of row.flags) {
      if (flag.type === "duplicate_in_datanet" || flag.type === "duplicate_in_other_datanet") {
        ids.add(flag.existing.datanetId);
      } else if (flag.type === "near_duplicate" && flag.twin.source === "existing") {
        ids.add(flag.twin.datanetId);
      }
    }
  }
  return [...ids];
}

/**
 * Name and slug of every Datanet the report's flags point into, by id: one query for the distinct ids. The
 * checks only ever match rows of Datanets the contributor may see, so nothing here reveals a hidden one.
 */
export async function twinDatanets(db: Db, report: Pick<QualityReport, "rows">): Promise<Record<string, TwinDatanet>> {
  const ids = twinDatanetIds(report);
  if (ids.length === 0) return {};
  const found = await db.datanet.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, slug: true },
  });
  return Object.fromEntries(found.map((d) => [d.id, { name: d.name, slug: d.slug }]));
}
