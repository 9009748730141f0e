import { type Address, type Hex, isHash, type PublicClient } from "viem";
import { DomainError } from "@/lib/errors";

/**
 * The successful receipt of `txHash`, sent to `contract`, or a DomainError saying what is wrong with it: not a
 * hash (422), no receipt yet (409 tx_not_found, worth retrying), reverted, or sent to another address (409).
 */
export async function contractReceipt(
  client: PublicClient,
  contract: { name: string; address: Address },
  txHash: string,
) {
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
  if (receipt.to?.toLowerCase() !== contract.address.toLowerCase()) {
    throw new DomainError("wrong_contract", `Transaction ${txHash} was not sent to the ${contract.name}.`, 409, {
      txHash,
      to: receipt.to,
      registry: contract.address,
    });
  }
  return receipt;
}
