import { type Hex, keccak256, stringToBytes } from "viem";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { buildVersionTree } from "../versions";
import { publishableRows } from "./version-rows";

/** Version-row links are inserted in batches this large. */
const INSERT_BATCH = 5_000;

/** What DatanetRegistry.addVersion is called with for a draft version. */
export interface AddVersionCall {
  datanetId: string;
  merkleRoot: Hex;
  rowCount: number;
  contributorCount: number;
  parentVersion: number;
  metadataHash: Hex;
}

/**
 * Snapshots the accepted rows into a new draft version: its Merkle root over (contributor, rowHash)
 * leaves, counts, parent (the latest confirmed version) and changelog, stored with every row's leaf
 * index in one transaction. Replaces an earlier draft that was never sent; refuses while a sent one is
 * unconfirmed, when the Datanet is not on-chain yet, when nothing is accepted, or when nothing changed.
 */
export async function draftVersion(db: Db, input: { datanetId: string; ownerId: string; changelog: string }) {
  const datanet = await db.datanet.findUnique({ where: { id: input.datanetId } });
  if (!datanet) throw new DomainError("datanet_not_found", `No Datanet "${input.datanetId}".`, 404);
  if (datanet.ownerId !== input.ownerId)
    throw new DomainError("not_owner", "Only the Datanet's owner publishes versions.", 403);
  if (datanet.onchainId === null) {
    throw new DomainError("not_registered", "Register the Datanet on-chain before publishing its first version.", 409);
  }
  const rows = await publishableRows(db, datanet.id);
  if (rows.length === 0) {
    throw new DomainError(
      "nothing_accepted",
      "No accepted rows yet: a version needs at least one accepted contribution.",
      422,
    );
  }
  const parent = await db.datanetVersion.findFirst({
    where: { datanetId: datanet.id, status: "confirmed" },
    orderBy: { number: "desc" },
  });
  const tree = buildVersionTree(rows.map((r) => ({ contributor: r.contributor, rowHash: r.rowHash })));
  if (parent && parent.merkleRoot.toLowerCase() === tree.root.toLowerCase()) {
    throw new DomainError(
      "no_changes",
      `Nothing changed since version ${parent.number}: accept new contributions first.`,
      409,
    );
  }
  const number = (parent?.number ?? 0) + 1;
  const contributorCount = new Set(rows.map((r) => r.contributor.toLowerCase())).size;
  const metadataHash = keccak256(
    stringToBytes(
      JSON.stringify({ datanet: datanet.id, version: number, parent: parent?.number ?? 0, changelog: input.changelog }),
    ),
  );
  return db.$transaction(
    async (tx) => {
      const inFlight = await tx.datanetVersion.findFirst({
        where: { datanetId: datanet.id, status: "pending" },
      });
      if (inFlight) {
        throw new DomainError(
          "version_in_flight",
          `Version ${inFlight.number} was sent (${inFlight.txHash}) and is not confirmed yet: confirm or abandon it first.`,
          409,
          { txHash: inFlight.txHash },
        );
      }
      await tx.datanetVersion.deleteMany({ where: { datanetId: datanet.id, status: { in: ["draft", "failed"] } } });
      const version = await tx.datanetVersion.create({
        data: {
          datanetId: datanet.id,
          number,
          parentNumber: parent?.number ?? null,
          merkleRoot: tree.root,
          rowCount: rows.length,
          contributorCount,
          changelog: input.changelog,
          metadataHash,
        },
      });
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await tx.versionRow.createMany({
          data: rows.slice(start, start + INSERT_BATCH).map((row, i) => ({
            versionId: version.id,
            rowId: row.rowId,
            leafIndex: start + i,
          })),
        });
      }
      const call: AddVersionCall = {
        datanetId: (datanet.onchainId as bigint).toString(),
        merkleRoot: tree.root,
        rowCount: rows.length,
        contributorCount,
        parentVersion: parent?.number ?? 0,
        metadataHash,
      };
      return { version, call };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
