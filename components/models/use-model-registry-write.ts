"use client";

import { useCallback, useState } from "react";
import type { Abi, Address, Hex, TransactionReceipt } from "viem";
import { useAccount, usePublicClient, useSwitchChain, useWriteContract } from "wagmi";
import type { RegistryWritePhase } from "@/components/datanets/versions/use-registry-write";
import { fromDescribed, type WriteProblem, writeProblem } from "@/components/datanets/versions/write-problem";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { useSession } from "@/components/wallet/session-context";
import { contractAbis } from "@/lib/chain/abis.generated";
import type { PublishModelCall } from "@/lib/factory/models/prepare";

const registryAbi = contractAbis.ModelRegistry as Abi;

/** ModelRegistry.publishModel's arguments from the app's JSON call (decimal strings back to bigints). */
export function publishModelArgs(call: PublishModelCall) {
  return [
    call.baseModelId,
    call.adapterHash,
    call.lineage.map((ref) => ({ datanetId: BigInt(ref.datanetId), version: ref.version })),
    BigInt(call.pricePer1kTokens),
    call.metadataURI,
  ] as const;
}

/**
 * Sends ModelRegistry.publishModel the careful way (like the Datanet pages' registry writes): checks the
 * deployment, the wallet (the signed-in account) and the network, simulates so a revert shows its custom error
 * without sending anything, asks the wallet, then waits for the receipt. `send` resolves to the receipt, or null
 * with the problem in `phase`.
 */
export function useModelRegistryWrite() {
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
    async (registry: Address, call: PublishModelCall): Promise<TransactionReceipt | null> => {
      if (!registry || !publicClient) {
        return fail({
          kind: "not_deployed",
          title: "Contracts not deployed",
          message: "The ModelRegistry contract is not deployed on this chain yet.",
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
      const request = {
        address: registry,
        abi: registryAbi,
        functionName: "publishModel",
        args: publishModelArgs(call),
      };
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
    ],
  );

  const reset = useCallback(() => setPhase({ step: "idle" }), []);
  const busy = phase.step === "simulating" || phase.step === "signing" || phase.step === "pending";
  return { phase, send, reset, busy };
}
