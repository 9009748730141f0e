import type { Address, PublicClient } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";
import { DomainError } from "@/lib/errors";

/** Whether an account holds the reviewer stake (Staking.isReviewer); 503 when the chain cannot be read. */
export function reviewerStakeReader(client: PublicClient, staking: Address) {
  return async (account: Address): Promise<boolean> => {
    try {
      return await client.readContract({
        address: staking,
        abi: contractAbis.Staking,
        functionName: "isReviewer",
        args: [account],
      });
    } catch (error) {
      throw new DomainError(
        "chain_unavailable",
        "Could not read reviewer stakes from the chain; nothing was recorded. Try again in a moment.",
        503,
        { cause: error instanceof Error ? error.message.split("\n")[0] : String(error) },
      );
    }
  };
}
