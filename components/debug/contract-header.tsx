"use client";

import { FileCode } from "lucide-react";
import { useEffect } from "react";
import { useBalance } from "wagmi";
import { Badge } from "@/components/ui/badge";
import { formatTokenAmount } from "@/lib/chain/abi-values";
import type { DebugContract } from "./contract-registry";
import { CopyButton } from "./copy-button";
import { ExplorerLink } from "./explorer-link";

/** The selected contract: name, what it is, its address and its ETH balance. */
export function ContractHeader({
  contract,
  counts,
  blockNumber,
}: {
  contract: DebugContract;
  counts: { reads: number; writes: number };
  blockNumber: bigint | undefined;
}) {
  const balance = useBalance({ address: contract.address });
  const { refetch } = balance;
  useEffect(() => {
    if (blockNumber !== undefined) void refetch();
  }, [blockNumber, refetch]);

  return (
    <div className="relative overflow-hidden rounded-2xl border bg-card p-5 shadow-xs sm:p-6">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(ellipse_at_top_right,color-mix(in_oklab,var(--primary)_9%,transparent),transparent_55%)]"
      />
      <div className="relative flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex size-11 shrink-0 items-center justify-center rounded-xl border bg-background text-primary shadow-sm">
          <FileCode className="size-5" aria-hidden="true" />
        </div>
        <div className="grid min-w-0 flex-1 gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold text-xl tracking-tight">{contract.name}</h2>
            {contract.abiName !== contract.name ? (
              <Badge variant="outline" className="font-mono">
                {contract.abiName}
              </Badge>
            ) : null}
          </div>
          <p className="text-muted-foreground text-sm">{contract.description}</p>
          <div className="mt-1 flex min-w-0 items-center gap-1">
            <span className="min-w-0 break-all font-mono text-[13px]" data-testid="contract-address">
              {contract.address}
            </span>
            <CopyButton value={contract.address} label="Copy contract address" />
            <ExplorerLink kind="address" value={contract.address} />
          </div>
        </div>
        <dl className="grid shrink-0 grid-cols-3 gap-4 border-t pt-4 text-sm sm:grid-cols-1 sm:gap-2 sm:border-t-0 sm:border-l sm:pt-0 sm:pl-5">
          <Stat label="Balance" value={balance.data ? `${formatTokenAmount(balance.data.value)} ETH` : "—"} />
          <Stat label="Read" value={String(counts.reads)} />
          <Stat label="Write" value={String(counts.writes)} />
        </dl>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
