import { type Address, type Hex, keccak256, type PublicClient, stringToBytes } from "viem";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { readDatanetCreated } from "./onchain";

/** The arguments of DatanetRegistry.createDatanet for a Datanet: what its owner's wallet sends. */
export interface RegistrationCall {
  metadataHash: Hex;
  metadataURI: string;
  license: string;
}

/** keccak256 of the Datanet's identifying metadata (canonical JSON), so the chain record points at this Datanet. */
export function datanetMetadataHash(d: { id: string; slug: string; name: string; kind: string; license: string }): Hex {
  const canonical = JSON.stringify({ id: d.id, slug: d.slug, name: d.name, kind: d.kind, license: d.license });
  return keccak256(stringToBytes(canonical));
}

/** The createDatanet call for a Datanet, its metadata URI under the app's public URL. */
export function registrationCall(
  d: { id: string; slug: string; name: string; kind: string; license: string },
  appUrl: string,
): RegistrationCall {
  return {
    metadataHash: datanetMetadataHash(d),
    metadataURI: new URL(`/api/datanets/${d.slug}`, appUrl).toString(),
    license: d.license,
  };
}

/**
 * Records the on-chain id of a Datanet from its owner's confirmed createDatanet transaction, after
 * checking the DatanetCreated event: sent by the Datanet's owner, for this Datanet's metadata hash.
 * Idempotent for the same transaction.
 */
export async function confirmRegistration(
  db: Db,
  input: { datanetId: string; ownerId: string; txHash: string; client: PublicClient; registry: Address },
) {
  const datanet = await db.datanet.findUnique({ where: { id: input.datanetId }, include: { owner: true } });
  if (!datanet) throw new DomainError("datanet_not_found", `No Datanet "${input.datanetId}".`, 404);
  if (datanet.ownerId !== input.ownerId) {
    throw new DomainError("not_owner", "Only the Datanet's owner registers it on-chain.", 403);
  }
  if (datanet.onchainId !== null) {
    if (datanet.registerTxHash?.toLowerCase() === input.txHash.toLowerCase()) return datanet;
    throw new DomainError("already_registered", `This Datanet is already on-chain as #${datanet.onchainId}.`, 409, {
      onchainId: datanet.onchainId.toString(),
    });
  }
  const event = await readDatanetCreated(input.client, input.registry, input.txHash);
  if (event.owner.toLowerCase() !== datanet.owner.address.toLowerCase()) {
    throw new DomainError("wrong_owner", "That transaction registered a Datanet for another address.", 409, {
      owner: event.owner,
    });
  }
  if (event.metadataHash.toLowerCase() !== datanetMetadataHash(datanet).toLowerCase()) {
    throw new DomainError("wrong_datanet", "That transaction registered a Datanet with other metadata.", 409, {
      metadataHash: event.metadataHash,
    });
  }
  return db.datanet.update({
    where: { id: datanet.id },
    data: {
      onchainId: event.datanetId,
      onchainRegistry: input.registry.toLowerCase(),
      registerTxHash: input.txHash.toLowerCase(),
    },
  });
}
