/** The benchmark's data: the demo CWE Q&A pairs as a published (confirmed) Datanet version, written directly. */
import { randomUUID } from "node:crypto";
import { demoDatanets } from "../../../lib/datanets/demo/sources";
import type { Db } from "../../../lib/db/client";

export async function seedCweVersion(db: Db, ownerId: string): Promise<{ datanetId: string; rows: number }> {
  const cwe = (await demoDatanets()).find((d) => d.input.kind === "instruction");
  if (!cwe) throw new Error("no instruction demo Datanet");
  const datanet = await db.datanet.create({
    data: {
      slug: `bench-cwe-${randomUUID().slice(0, 8)}`,
      name: "Factory benchmark: CWE Q&A",
      summary: cwe.input.summary,
      description: "",
      domain: "security",
      license: cwe.input.license,
      kind: "instruction",
      minReviews: 1,
      approvalThreshold: 1,
      reviewerPolicy: "stakers",
      ownerId,
    },
  });
  const contribution = await db.contribution.create({
    data: {
      datanetId: datanet.id,
      contributorId: ownerId,
      status: "accepted",
      contentRoot: `0x${"ee".repeat(32)}`,
      rowCount: cwe.rows.length,
      license: cwe.input.license,
      nonce: randomUUID(),
      deadline: new Date(Date.now() + 3_600_000),
      signature: "0x00",
      files: [],
      qualityReport: {},
    },
  });
  const version = await db.datanetVersion.create({
    data: {
      datanetId: datanet.id,
      number: 1,
      merkleRoot: `0x${"ab".repeat(32)}`,
      rowCount: cwe.rows.length,
      contributorCount: 1,
      changelog: "benchmark",
      metadataHash: `0x${"cd".repeat(32)}`,
      status: "confirmed",
      txHash: `0x${"12".repeat(32)}`,
      blockNumber: 1n,
      confirmedAt: new Date(),
    },
  });
  for (const [index, fields] of cwe.rows.entries()) {
    const row = await db.datanetRow.create({
      data: {
        datanetId: datanet.id,
        contributionId: contribution.id,
        position: index,
        file: "cwe.jsonl",
        line: index + 1,
        fields,
        rowHash: `0x${index.toString(16).padStart(64, "0")}`,
        normHash: `bench-${index}`,
        minhash: new Uint8Array(4),
      },
    });
    await db.versionRow.create({ data: { versionId: version.id, rowId: row.id, leafIndex: index } });
  }
  return { datanetId: datanet.id, rows: cwe.rows.length };
}
