import { type DescribedError, describeContractError } from "@/lib/chain/contract-errors";

/** Why a registry write did not go through, in words for the Datanet's owner. */
export interface WriteProblem {
  kind: "not_deployed" | "no_wallet" | "wrong_account" | "wrong_network" | "rejected" | "reverted" | "failed";
  title: string;
  message: string;
  /** The contract's custom error, e.g. NotDatanetOwner(3, 0x…), when the call reverted with one. */
  errorCall?: string;
}

/** DatanetRegistry's custom errors, said plainly (contracts/SPEC.md). */
const REGISTRY_ERRORS: Record<string, string> = {
  NotDatanetOwner: "The connected wallet does not own this Datanet on-chain.",
  NotOwnerOrOperator: "The connected wallet is neither the owner nor an operator of this Datanet on-chain.",
  UnknownDatanet: "The registry has no Datanet with this id: register it again.",
  UnknownVersion: "The parent version is not on-chain: publish it first.",
  EmptyRoot: "The version's Merkle root is empty.",
  ZeroAddress: "An address in the call is the zero address.",
};

/** Turns what viem or the wallet threw into a WriteProblem. */
export function writeProblem(error: unknown): WriteProblem {
  return fromDescribed(describeContractError(error));
}

export function fromDescribed(described: DescribedError): WriteProblem {
  if (described.kind === "rejected") {
    return {
      kind: "rejected",
      title: "Rejected in your wallet",
      message: "You rejected the transaction. Nothing was sent.",
    };
  }
  if (described.kind === "chain") {
    return {
      kind: "wrong_network",
      title: "Wrong network",
      message: "Your wallet is on another network: switch it to the app's chain and try again.",
    };
  }
  if (described.kind === "revert") {
    const plain = described.errorName ? REGISTRY_ERRORS[described.errorName] : undefined;
    return {
      kind: "reverted",
      title: described.errorName ? `The contract refused it: ${described.errorName}` : "The contract refused it",
      message: plain ?? described.summary,
      ...(described.errorName ? { errorCall: described.summary } : {}),
    };
  }
  return { kind: "failed", title: "The transaction did not go through", message: described.summary };
}
