"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { ArrowRightLeft, CircleCheck, Wallet } from "lucide-react";
import type { ReactNode } from "react";
import { useAccount, useChains, useSwitchChain } from "wagmi";
import { Button } from "@/components/ui/button";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { shortenAddress } from "@/lib/chain/abi-values";

/** Whether this browser can send transactions here: a connected wallet on the app's chain. */
export function useCanSend(): boolean {
  const { chainId } = usePublicConfig();
  const account = useAccount();
  return account.isConnected && account.chainId === chainId;
}

/** Above the write functions: who will send, or what is missing (a wallet, the right chain). */
export function WriteAccess() {
  const { chainId } = usePublicConfig();
  const account = useAccount();
  const [chain] = useChains();
  const { openConnectModal } = useConnectModal();
  const { switchChain, isPending: switching } = useSwitchChain();
  const chainName = chain?.name ?? `chain ${chainId}`;

  if (!account.isConnected || !account.address) {
    return (
      <Banner icon={<Wallet className="size-4" aria-hidden="true" />} tone="muted">
        <p className="font-medium">Connect a wallet to send transactions</p>
        <p className="text-muted-foreground text-sm">
          Writes are simulated with your account, then sent through your wallet. Reads work without one.
        </p>
        {openConnectModal ? (
          <Button size="sm" className="mt-2 w-fit" onClick={openConnectModal}>
            <Wallet aria-hidden="true" />
            Connect wallet
          </Button>
        ) : null}
      </Banner>
    );
  }
  if (account.chainId !== chainId) {
    return (
      <Banner icon={<ArrowRightLeft className="size-4" aria-hidden="true" />} tone="warning">
        <p className="font-medium">Your wallet is on another chain</p>
        <p className="text-muted-foreground text-sm">
          Switch it to {chainName} ({chainId}) to send transactions to these contracts.
        </p>
        <Button size="sm" className="mt-2 w-fit" disabled={switching} onClick={() => switchChain({ chainId })}>
          Switch to {chainName}
        </Button>
      </Banner>
    );
  }
  return (
    <Banner icon={<CircleCheck className="size-4" aria-hidden="true" />} tone="ok">
      <p className="text-sm">
        Sending as{" "}
        <span className="font-medium font-mono" title={account.address}>
          {shortenAddress(account.address)}
        </span>{" "}
        on {chainName}. Each write is simulated first and only sent if it would succeed.
      </p>
    </Banner>
  );
}

function Banner({ icon, tone, children }: { icon: ReactNode; tone: "muted" | "warning" | "ok"; children: ReactNode }) {
  const toneClass = {
    muted: "border-dashed bg-card/60 text-primary",
    warning: "border-token/40 bg-token/5 text-token",
    ok: "border-primary/20 bg-accent/50 text-primary",
  }[tone];
  return (
    <div role="status" className={`flex gap-3 rounded-xl border px-4 py-3 ${toneClass}`}>
      <span className="mt-0.5 shrink-0">{icon}</span>
      <div className="grid min-w-0 gap-0.5 text-foreground">{children}</div>
    </div>
  );
}
