"use client";

import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import type { Address, Hex } from "viem";
import { useReadContract } from "wagmi";
import { CopyButton } from "@/components/debug/copy-button";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { contractAbis } from "@/lib/chain/abis.generated";
import { plural, shortAddress } from "../format";

/**
 * The version as DatanetRegistry.getVersion answers it, read from the chain by the browser, next to
 * the root the app stored: marked equal, or different (which would mean the app's record is wrong).
 */
export function OnchainRoot({ onchainId, number, appRoot }: { onchainId: string; number: number; appRoot: Hex }) {
  const config = usePublicConfig();
  const registry = config.contracts?.DatanetRegistry as Address | undefined;
  const read = useReadContract({
    address: registry,
    abi: contractAbis.DatanetRegistry,
    functionName: "getVersion",
    args: [BigInt(onchainId), number],
    chainId: config.chainId,
    query: { enabled: registry !== undefined },
  });
  if (!registry) return <p className="text-muted-foreground text-xs">No registry on this chain to check against.</p>;
  if (read.isPending) {
    return (
      <p className="flex items-center gap-1.5 text-muted-foreground text-xs">
        <LoaderCircle className="size-3.5 animate-spin" aria-hidden="true" />
        Reading version {number} from the chain…
      </p>
    );
  }
  if (read.isError) {
    return (
      <p className="flex items-center gap-1.5 text-destructive text-xs" role="alert">
        <CircleX className="size-3.5" aria-hidden="true" />
        Could not read version {number} from the chain.
      </p>
    );
  }
  const onchain = read.data.merkleRoot;
  const equal = onchain.toLowerCase() === appRoot.toLowerCase();
  return (
    <div
      className={
        equal
          ? "grid gap-1 rounded-lg border border-emerald-500/30 bg-emerald-500/5 px-3 py-2 text-xs"
          : "grid gap-1 rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs"
      }
      data-testid={`onchain-record-${number}`}
    >
      <p className="flex items-center gap-1.5 font-medium">
        {equal ? (
          <CircleCheck className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
        ) : (
          <CircleX className="size-3.5 text-destructive" aria-hidden="true" />
        )}
        {equal ? "On-chain root equals the app's root" : "On-chain root differs from the app's root"}
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
        <dt className="text-muted-foreground">On-chain</dt>
        <dd className="flex min-w-0 items-center gap-0.5">
          <span className="truncate font-mono" title={onchain} data-testid="onchain-root">
            {shortAddress(onchain)}
          </span>
          <CopyButton value={onchain} label="Copy the on-chain root" className="size-5" />
        </dd>
        <dt className="text-muted-foreground">Holds</dt>
        <dd className="tabular-nums">
          {plural(Number(read.data.rowCount), "row")} · {plural(read.data.contributorCount, "contributor")} · parent{" "}
          {read.data.parentVersion === 0 ? "none" : `v${read.data.parentVersion}`}
        </dd>
      </dl>
    </div>
  );
}
