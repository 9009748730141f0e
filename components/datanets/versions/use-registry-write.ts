"use client";

import { useCallback, useState } from "react";
import type { Abi, Address, Hex, TransactionReceipt } from "viem";
import { useAccount, usePublicClient, useSwitchChain, useWriteContract } from "wagmi";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { useSession } from "@/components/wallet/session-context";
import { contractAbis } from "@/lib/chain/abis.generated";
import { fromDescribed, type WriteProblem, writeProblem } from "./write-problem";

/** The contracts the pages write to. */
export type WritableContract = "DatanetRegistry" | "ModelRegistry";

/** The DatanetRegistry writes the Datanet pages send, with their arguments. */
export type RegistryCall =
  | { functionName: "createDatanet"; args: readonly [Hex, string, string] }
  | { functionName: "addVersion"; args: readonly [bigint, Hex, bigint, number, number, Hex] };

/** Where a registry write stands: check → simulate → sign in the wallet → wait for the block. */
export type RegistryWritePhase =
  | { step: "idle" }
  | { step: "simulating" }
  | { step: "signing" }
  | { step: "pending"; hash: Hex }
  | { step: "confirmed"; hash: Hex; receipt: TransactionReceipt }
  | { step: "failed"; problem: WriteProblem; hash?: Hex };

/** A DatanetRegistry write (see useContractWrite). */
export function useRegistryWrite() {
  return useContractWrite<RegistryCall>("DatanetRegistry");
}

/**
 * Sends a write to one of the app's contracts the careful way (scaffold-eth's write hook): checks the
 * deployment, the wallet (the signed-in account) and the network, simulates the call so a revert shows its
 * custom error without sending anything, asks the wallet, then waits for the receipt.
 * `send` resolves to the receipt, or null with the problem in `phase`.
 */
export function useContractWrite<Call extends { functionName: string; args: readonly unknown[] }>(
  contract: WritableContract,
) {
  const config = usePublicConfig();
  const { session } = useSession();
  const { address: account, chainId: walletChainId } = useAccount();
  const publicClient = usePublicClient({ chainId: config.chainId });
  const { writeContractAsync } = useWriteContract();
  const { switchChainAsync } = useSwitchChain();
  const [phase, setPhase] = useState<RegistryWritePhase>({ step: "idle" });

  const fail = useCallback((problem: WriteProblem, hash?: Hex) => {
    setPhase(hash ? { step: "failed", problem, hash } : { step: "failed", problem });
    return null;
  }, []);

  const send = useCallback(
    async (registry: Address, call: Call): Promise<TransactionReceipt | null> => {
      if (!registry || !publicClient) {
        return fail({
          kind: "not_deployed",
          title: "Contracts not deployed",
          message: `The ${contract} contract is not deployed on this chain yet.`,
        });
      }
      if (!account) {
        return fail({
          kind: "no_wallet",
          title: "No wallet connected",
          message: "Connect the wallet you signed in with.",
        });
      }
      if (session.address && session.address.toLowerCase() !== account.toLowerCase()) {
        return fail({
          kind: "wrong_account",
          title: "Another account is selected",
          message: `You signed in as ${session.address}; switch your wallet back to that account.`,
        });
      }
      if (walletChainId !== config.chainId) {
        try {
          await switchChainAsync({ chainId: config.chainId });
        } catch {
          return fail({
            kind: "wrong_network",
            title: "Wrong network",
            message: `Your wallet is on chain ${walletChainId ?? "unknown"}; switch it to ${config.chainName ?? `chain ${config.chainId}`} and try again.`,
          });
        }
      }
      const abi = contractAbis[contract] as Abi;
      const request = { address: registry, abi, functionName: call.functionName, args: call.args };
      setPhase({ step: "simulating" });
      try {
        await publicClient.simulateContract({ ...request, account });
      } catch (error) {
        return fail(writeProblem(error));
      }
      setPhase({ step: "signing" });
      let hash: Hex;
      try {
        hash = await writeContractAsync({ ...request, account, chainId: config.chainId } as Parameters<
          typeof writeContractAsync
        >[0]);
      } catch (error) {
        return fail(writeProblem(error));
      }
      setPhase({ step: "pending", hash });
      try {
        const receipt = await publicClient.waitForTransactionReceipt({ hash });
        if (receipt.status !== "success") {
          return fail(
            fromDescribed({ kind: "revert", summary: "Reverted on-chain without a reason.", hints: [] }),
            hash,
          );
        }
        setPhase({ step: "confirmed", hash, receipt });
        return receipt;
      } catch (error) {
        return fail(writeProblem(error), hash);
      }
    },
    [
      publicClient,
      account,
      session.address,
      walletChainId,
      config.chainId,
      config.chainName,
      switchChainAsync,
      writeContractAsync,
      fail,
      contract,
    ],
  );

  const reset = useCallback(() => setPhase({ step: "idle" }), []);
  const busy = phase.step === "simulating" || phase.step === "signing" || phase.step === "pending";
  return { phase, send, reset, busy };
}
