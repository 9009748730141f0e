import { type Address, decodeEventLog, type Hex, type PublicClient } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";
import { contractReceipt } from "@/lib/chain/contract-receipt";
import { DomainError } from "@/lib/errors";

const registryAbi = contractAbis.DatanetRegistry;

/** What a confirmed DatanetRegistry transaction says, read back from its receipt. */
export interface RegistryReceipt {
  blockNumber: bigint;
  from: Address;
}

/** The DatanetCreated event of a createDatanet transaction: the new id and its owner. */
export async function readDatanetCreated(
  client: PublicClient,
  registry: Address,
  txHash: string,
): Promise<RegistryReceipt & { datanetId: bigint; owner: Address; metadataHash: Hex; license: string }> {
  const receipt = await contractReceipt(client, { name: "DatanetRegistry", address: registry }, txHash);
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== registry.toLowerCase()) continue;
    try {
      const event = decodeEventLog({ abi: registryAbi, data: log.data, topics: log.topics });
      if (event.eventName === "DatanetCreated") {
        const args = event.args as { datanetId: bigint; owner: Address; metadataHash: Hex; license: string };
        return { ...args, blockNumber: receipt.blockNumber, from: receipt.from };
      }
    } catch {
      // Another event of the registry.
    }
  }
  throw new DomainError("event_missing", `Transaction ${txHash} created no Datanet.`, 409, { txHash });
}

/** The VersionAdded event of an addVersion transaction. */
export async function readVersionAdded(
  client: PublicClient,
  registry: Address,
  txHash: string,
): Promise<
  RegistryReceipt & {
    datanetId: bigint;
    version: number;
    merkleRoot: Hex;
    rowCount: bigint;
    contributorCount: number;
    parentVersion: number;
    metadataHash: Hex;
  }
> {
  const receipt = await contractReceipt(client, { name: "DatanetRegistry", address: registry }, txHash);
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== registry.toLowerCase()) continue;
    try {
      const event = decodeEventLog({ abi: registryAbi, data: log.data, topics: log.topics });
      if (event.eventName === "VersionAdded") {
        const args = event.args as {
          datanetId: bigint;
          version: number;
          merkleRoot: Hex;
          rowCount: bigint;
          contributorCount: number;
          parentVersion: number;
          metadataHash: Hex;
        };
        return { ...args, blockNumber: receipt.blockNumber, from: receipt.from };
      }
    } catch {
      // Another event of the registry.
    }
  }
  throw new DomainError("event_missing", `Transaction ${txHash} added no version.`, 409, { txHash });
}
