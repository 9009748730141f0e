/** The benchmark's data: the demo CWE Q&A pairs as a published (confirmed) Datanet version, written directly. */
import { demoDatanets } from "../../../lib/datanets/demo/sources";
import type { Db } from "../../../lib/db/client";
import { seedPublishedVersion } from "../../../lib/factory/fixtures/published-version";

export async function seedCweVersion(db: Db, ownerId: string): Promise<{ datanetId: string; rows: number }> {
  const cwe = (await demoDatanets()).find((d) => d.input.kind === "instruction");
  if (!cwe) throw new Error("no instruction demo Datanet");
  const { id } = await seedPublishedVersion(db, {
    ownerId,
    kind: "instruction",
    name: "Factory benchmark: CWE Q&A",
    rows: cwe.rows as Record<string, string>[],
  });
  return { datanetId: id, rows: cwe.rows.length };
}
