import { type Address, decodeEventLog, type Hex, isHash, type PublicClient } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";
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
 * The ModelPublished event of `txHash`, or a DomainError saying what is wrong with the transaction:
 * not a hash (422), no receipt (409 tx_not_found, worth retrying), reverted, sent elsewhere, or no such event (409).
 */
export async function readModelPublished(
  client: PublicClient,
  registry: Address,
  txHash: string,
): Promise<ModelPublishedEvent> {
  if (!isHash(txHash)) throw new DomainError("invalid_tx_hash", "txHash must be a 0x-prefixed 32-byte hash.", 422);
  let receipt: Awaited<ReturnType<PublicClient["getTransactionReceipt"]>>;
  try {
    receipt = await client.waitForTransactionReceipt({ hash: txHash as Hex, timeout: 30_000 });
  } catch (error) {
    throw new DomainError(
      "tx_not_found",
      `No receipt for ${txHash} on this chain yet: check that the wallet is on the app's network, then retry.`,
      409,
      { txHash, cause: error instanceof Error ? error.message : String(error) },
    );
  }
  if (receipt.status !== "success") {
    throw new DomainError("tx_reverted", `Transaction ${txHash} reverted on-chain.`, 409, { txHash });
  }
  if (receipt.to?.toLowerCase() !== registry.toLowerCase()) {
    throw new DomainError("wrong_contract", `Transaction ${txHash} was not sent to the ModelRegistry.`, 409, {
      txHash,
      to: receipt.to,
      registry,
    });
  }
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
