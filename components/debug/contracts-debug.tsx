"use client";

import { Bug } from "lucide-react";
import { useMemo, useState } from "react";
import { useBlockNumber, useChains } from "wagmi";
import { EmptyState } from "@/components/ui/empty-state";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { ContractPanel } from "./contract-panel";
import { ContractPicker } from "./contract-picker";
import { debugContracts } from "./contract-registry";

/** The debug page's client half: every deployed contract, one open at a time. */
export function ContractsDebug({ initialContract }: { initialContract?: string | undefined }) {
  const config = usePublicConfig();
  const contracts = useMemo(() => debugContracts(config.contracts), [config.contracts]);
  const [selectedName, setSelectedName] = useState(() =>
    contracts.some((contract) => contract.name === initialContract) ? initialContract : contracts[0]?.name,
  );
  const [chain] = useChains();
  // One block watcher for the page; every live read refetches when it moves.
  const { data: blockNumber } = useBlockNumber({ watch: true, chainId: config.chainId });

  const selected = contracts.find((contract) => contract.name === selectedName) ?? contracts[0];
  if (!selected) {
    return (
      <EmptyState
        icon={Bug}
        title="No contracts deployed"
        description={
          <p>
            No contracts are deployed on chain {config.chainId}.{" "}
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground text-sm">npm start</code> deploys
            them on the local chain.
          </p>
        }
      />
    );
  }

  const select = (name: string) => {
    setSelectedName(name);
    // Shareable, and kept on reload; Next's router picks up native history updates.
    window.history.replaceState(null, "", `?contract=${encodeURIComponent(name)}`);
  };

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-muted-foreground text-sm">
        <span className="inline-flex items-center gap-2">
          <span className="relative flex size-2" aria-hidden="true">
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-primary/60 motion-reduce:animate-none" />
            <span className="relative inline-flex size-2 rounded-full bg-primary" />
          </span>
          <span>
            Live · block{" "}
            <span className="font-medium font-mono text-foreground tabular-nums" data-testid="block-number">
              {blockNumber?.toString() ?? "…"}
            </span>
          </span>
        </span>
        <span>
          {chain?.name ?? "Chain"} · id <span className="font-mono text-foreground">{config.chainId}</span>
        </span>
        <span>
          {contracts.length} contract{contracts.length === 1 ? "" : "s"}
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[13.5rem_minmax(0,1fr)] lg:gap-8">
        <div className="lg:sticky lg:top-24 lg:self-start">
          <ContractPicker contracts={contracts} selected={selected.name} onSelect={select} />
        </div>
        <ContractPanel key={selected.name} contract={selected} blockNumber={blockNumber} />
      </div>
    </div>
  );
}
