import type { Address, PublicClient } from "viem";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { readVersionAdded } from "../onchain";

/**
 * Records that a draft version is on-chain: reads the VersionAdded event of the owner's addVersion
 * transaction and checks it registered exactly this draft (Datanet, root, counts, parent, metadata).
 * Idempotent for the same transaction.
 */
export async function confirmVersion(
  db: Db,
  input: {
    datanetId: string;
    ownerId: string;
    versionId: string;
    txHash: string;
    client: PublicClient;
    registry: Address;
  },
) {
  const version = await db.datanetVersion.findUnique({ where: { id: input.versionId }, include: { datanet: true } });
  if (!version || version.datanetId !== input.datanetId) {
    throw new DomainError("version_not_found", `No version "${input.versionId}" in this Datanet.`, 404);
  }
  if (version.datanet.ownerId !== input.ownerId) {
    throw new DomainError("not_owner", "Only the Datanet's owner publishes versions.", 403);
  }
  if (version.status === "confirmed") {
    if (version.txHash?.toLowerCase() === input.txHash.toLowerCase()) return version;
    throw new DomainError("already_confirmed", `Version ${version.number} is already on-chain.`, 409);
  }
  const event = await readVersionAdded(input.client, input.registry, input.txHash);
  const expected = {
    datanetId: version.datanet.onchainId?.toString(),
    merkleRoot: version.merkleRoot.toLowerCase(),
    rowCount: String(version.rowCount),
    contributorCount: version.contributorCount,
    parentVersion: version.parentNumber ?? 0,
    metadataHash: version.metadataHash.toLowerCase(),
  };
  const actual = {
    datanetId: event.datanetId.toString(),
    merkleRoot: event.merkleRoot.toLowerCase(),
    rowCount: event.rowCount.toString(),
    contributorCount: event.contributorCount,
    parentVersion: event.parentVersion,
    metadataHash: event.metadataHash.toLowerCase(),
  };
  const different = (Object.keys(expected) as (keyof typeof expected)[]).filter((k) => expected[k] !== actual[k]);
  if (different.length > 0) {
    throw new DomainError(
      "version_mismatch",
      `That transaction registered another version (${different.join(", ")} differ from the draft).`,
      409,
      { expected, actual },
    );
  }
  if (event.version !== version.number) {
    throw new DomainError(
      "version_number_mismatch",
      `The chain numbered this version ${event.version}, the app expected ${version.number}: another version was added outside the app.`,
      409,
    );
  }
  return db.datanetVersion.update({
    where: { id: version.id },
    data: {
      status: "confirmed",
      txHash: input.txHash.toLowerCase(),
      blockNumber: event.blockNumber,
      confirmedAt: new Date(),
    },
  });
}
