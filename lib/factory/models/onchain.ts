import { type Address, decodeEventLog, type Hex, type PublicClient } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";
import { contractReceipt } from "@/lib/chain/contract-receipt";
import { DomainError } from "@/lib/errors";

const registryAbi = contractAbis.ModelRegistry;

/** The ModelPublished event of a publishModel transaction, read back from its receipt. */
export interface ModelPublishedEvent {
  modelId: bigint;
  owner: Address;
  adapterHash: Hex;
  baseModelId: Hex;
  pricePer1kTokens: bigint;
  metadataURI: string;
  lineage: readonly { datanetId: bigint; version: number }[];
  blockNumber: bigint;
  from: Address;
}

/**
 * The ModelPublished event of `txHash`, or a DomainError saying what is wrong with the transaction (see
 * contractReceipt), or that it has no such event (409).
 */
export async function readModelPublished(
  client: PublicClient,
  registry: Address,
  txHash: string,
): Promise<ModelPublishedEvent> {
  const receipt = await contractReceipt(client, { name: "ModelRegistry", address: registry }, txHash);
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== registry.toLowerCase()) continue;
    try {
      const event = decodeEventLog({ abi: registryAbi, data: log.data, topics: log.topics });
      if (event.eventName === "ModelPublished") {
        const args = event.args as Omit<ModelPublishedEvent, "blockNumber" | "from">;
        return { ...args, blockNumber: receipt.blockNumber, from: receipt.from };
      }
    } catch {
      // Another event of the registry.
    }
  }
  throw new DomainError("event_missing", `Transaction ${txHash} published no model.`, 409, { txHash });
}
