"use client";

import { useCallback, useState } from "react";
import type { Abi, AbiFunction, Address, Hex, TransactionReceipt } from "viem";
import { useAccount, usePublicClient, useWaitForTransactionReceipt, useWriteContract } from "wagmi";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { type DescribedError, describeContractError } from "@/lib/chain/contract-errors";

type LocalPhase =
  | { step: "idle" }
  | { step: "simulating" }
  | { step: "simulation-failed"; error: DescribedError }
  | { step: "signing"; simulated: unknown }
  | { step: "send-failed"; simulated: unknown; error: DescribedError }
  | { step: "sent"; simulated: unknown; hash: Hex };

/** Where a write stands: simulate → sign in the wallet → wait for the receipt. */
export type WritePhase =
  | Exclude<LocalPhase, { step: "sent" }>
  | { step: "pending"; simulated: unknown; hash: Hex }
  | { step: "confirmed" | "reverted"; simulated: unknown; hash: Hex; receipt: TransactionReceipt }
  | { step: "receipt-failed"; simulated: unknown; hash: Hex; error: DescribedError };

/**
 * Sends a contract write the careful way: simulate it first with the connected account (a call
 * that would revert shows its decoded error and is never sent), then ask the wallet, then follow
 * the transaction until its receipt.
 */
export function useWriteLifecycle(address: Address, abi: Abi, fn: AbiFunction) {
  const { chainId } = usePublicConfig();
  const { address: account } = useAccount();
  const publicClient = usePublicClient({ chainId });
  const { writeContractAsync } = useWriteContract();
  const [local, setLocal] = useState<LocalPhase>({ step: "idle" });
  const hash = local.step === "sent" ? local.hash : undefined;
  const receipt = useWaitForTransactionReceipt({ hash, chainId, query: { enabled: hash !== undefined } });

  const submit = useCallback(
    async (args: readonly unknown[], value: bigint) => {
      if (!publicClient || !account) return;
      const call = { address, abi, functionName: fn.name, args, ...(value > 0n ? { value } : {}) };
      setLocal({ step: "simulating" });
      let simulated: unknown;
      try {
        simulated = (await publicClient.simulateContract({ ...call, account })).result;
      } catch (error) {
        setLocal({ step: "simulation-failed", error: describeContractError(error) });
        return;
      }
      setLocal({ step: "signing", simulated });
      try {
        const sentHash = await writeContractAsync({ ...call, account, chainId } as Parameters<
          typeof writeContractAsync
        >[0]);
        setLocal({ step: "sent", simulated, hash: sentHash });
      } catch (error) {
        setLocal({ step: "send-failed", simulated, error: describeContractError(error) });
      }
    },
    [publicClient, account, address, abi, fn.name, writeContractAsync, chainId],
  );

  let phase: WritePhase;
  if (local.step !== "sent") phase = local;
  else if (receipt.data?.transactionHash === local.hash)
    phase = { ...local, step: receipt.data.status === "success" ? "confirmed" : "reverted", receipt: receipt.data };
  else if (receipt.error) phase = { ...local, step: "receipt-failed", error: describeContractError(receipt.error) };
  else phase = { ...local, step: "pending" };

  return { phase, submit, busy: local.step === "simulating" || local.step === "signing" || phase.step === "pending" };
}
