import { type Address, decodeEventLog, type Hex, isHash, type PublicClient } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";
import { DomainError } from "@/lib/errors";

const registryAbi = contractAbis.DatanetRegistry;

/** What a confirmed DatanetRegistry transaction says, read back from its receipt. */
export interface RegistryReceipt {
  blockNumber: bigint;
  from: Address;
}

/** The successful receipt of `txHash` sent to the registry, or a 4xx/5xx DomainError saying what is wrong. */
async function registryReceipt(client: PublicClient, registry: Address, txHash: string) {
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
    throw new DomainError("wrong_contract", `Transaction ${txHash} was not sent to the DatanetRegistry.`, 409, {
      txHash,
      to: receipt.to,
      registry,
    });
  }
  return receipt;
}

/** The DatanetCreated event of a createDatanet transaction: the new id and its owner. */
export async function readDatanetCreated(
  client: PublicClient,
  registry: Address,
  txHash: string,
): Promise<RegistryReceipt & { datanetId: bigint; owner: Address; metadataHash: Hex; license: string }> {
  const receipt = await registryReceipt(client, registry, txHash);
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
  const receipt = await registryReceipt(client, registry, txHash);
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
