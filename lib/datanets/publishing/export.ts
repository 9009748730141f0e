import type { Address, Hex } from "viem";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { type ExportFormat, type ExportRow, exportFileName, exportStream, versionManifest } from "../versions";

/** Rows are read from the database this many at a time while the export streams. */
const PAGE = 2_000;

/** A confirmed version of a Datanet the viewer may see, by number; 404 otherwise. */
export async function confirmedVersion(db: Db, datanetId: string, number: number) {
  const version = await db.datanetVersion.findUnique({
    where: { datanetId_number: { datanetId, number } },
    include: { datanet: true },
  });
  if (version?.status !== "confirmed") {
    throw new DomainError("version_not_found", `No published version ${number} of this Datanet.`, 404, {
      version: number,
    });
  }
  return version;
}

/** The version's rows in leaf order, read page by page (keyset on the leaf index) as the stream is consumed. */
async function* versionRows(db: Db, versionId: string): AsyncGenerator<ExportRow> {
  let after = -1;
  for (;;) {
    const page = await db.$queryRaw<
      { leaf_index: number; fields: Record<string, unknown>; row_hash: string; address: string }[]
    >`
      SELECT vr.leaf_index, r.fields, r.row_hash, u.address
        FROM version_rows vr
        JOIN datanet_rows r ON r.id = vr.row_id
        JOIN contributions c ON c.id = r.contribution_id
        JOIN users u ON u.id = c.contributor_id
       WHERE vr.version_id = ${versionId} AND vr.leaf_index > ${after}
       ORDER BY vr.leaf_index
       LIMIT ${PAGE}`;
    for (const row of page)
      yield { fields: row.fields, rowHash: row.row_hash as Hex, contributor: row.address as Address };
    if (page.length < PAGE) return;
    after = (page[page.length - 1] as { leaf_index: number }).leaf_index;
  }
}

/** The export of a confirmed version as a streaming Response (JSONL, or CSV with formula injection escaped). */
export async function exportVersion(
  db: Db,
  datanetId: string,
  number: number,
  format: ExportFormat,
): Promise<Response> {
  const version = await confirmedVersion(db, datanetId, number);
  const stream = exportStream(version.datanet.kind, versionRows(db, version.id), format);
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(version.datanet.slug, number, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** The manifest of a confirmed version: root, counts, licence, parent, transaction and the export files. */
export async function versionManifestFor(
  db: Db,
  datanetId: string,
  number: number,
  chain: { chainId: number; registry: string },
) {
  const version = await confirmedVersion(db, datanetId, number);
  const { datanet } = version;
  return versionManifest({
    datanet: {
      id: datanet.onchainId ?? datanet.id,
      name: datanet.name,
      slug: datanet.slug,
      kind: datanet.kind,
      chainId: chain.chainId,
      registry: chain.registry,
    },
    version: version.number,
    root: version.merkleRoot as Hex,
    rowCount: version.rowCount,
    contributorCount: version.contributorCount,
    license: datanet.license,
    parentVersion: version.parentNumber,
    createdAt: version.confirmedAt ?? version.createdAt,
    files: (["jsonl", "csv"] as const).map((format) => ({
      name: exportFileName(datanet.slug, version.number, format),
      format,
      rows: version.rowCount,
    })),
    changelog: version.changelog,
    ...(version.txHash ? { txHash: version.txHash as Hex } : {}),
  });
}
