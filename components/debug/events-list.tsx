"use client";

import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import type { AbiEvent, AbiParameter } from "viem";
import { usePublicClient } from "wagmi";
import { Skeleton } from "@/components/ui/skeleton";
import { usePublicConfig } from "@/components/wallet/public-config-context";
import { describeValue, shortenAddress } from "@/lib/chain/abi-values";
import { describeContractError } from "@/lib/chain/contract-errors";
import type { DebugContract } from "./contract-registry";
import { CopyButton } from "./copy-button";
import { ExplorerLink } from "./explorer-link";
import { ValueView } from "./result-value";

/** How far back the list looks: all of a local chain's history, a bounded window on a real one. */
const WINDOW = 5_000n;
const SHOWN = 50;

/** The contract's recent events, decoded from its ABI, newest first; refreshed on every block. */
export function EventsList({ contract, blockNumber }: { contract: DebugContract; blockNumber: bigint | undefined }) {
  const { chainId } = usePublicConfig();
  const client = usePublicClient({ chainId });
  const events = useMemo(
    () => (contract.abi ?? []).filter((item): item is AbiEvent => item.type === "event"),
    [contract.abi],
  );
  const logs = useQuery({
    queryKey: ["debug-events", chainId, contract.address],
    enabled: !!client && events.length > 0,
    retry: false,
    queryFn: async () => {
      if (!client) return [];
      const latest = await client.getBlockNumber();
      const found = await client.getContractEvents({
        address: contract.address,
        abi: events,
        fromBlock: latest > WINDOW ? latest - WINDOW : 0n,
        toBlock: latest,
      });
      return found.slice(-SHOWN).reverse();
    },
  });
  const { refetch } = logs;
  useEffect(() => {
    if (blockNumber !== undefined) void refetch();
  }, [blockNumber, refetch]);

  if (events.length === 0) return <Note>This contract declares no events.</Note>;
  if (logs.isPending) return <Skeleton className="h-24 w-full rounded-xl" />;
  if (logs.isError) return <Note>Could not read the events: {describeContractError(logs.error).summary}</Note>;
  if (logs.data.length === 0)
    return (
      <Note>No events in the last {WINDOW.toLocaleString("en-US")} blocks. Send a write and they show up here.</Note>
    );

  return (
    <div className="grid gap-3">
      <p className="text-muted-foreground text-xs">
        {logs.data.length === 1 ? "The only event" : `The latest ${logs.data.length} events, newest first,`} in the last{" "}
        {WINDOW.toLocaleString("en-US")} blocks.
      </p>
      <ol aria-label="Events" className="divide-y rounded-xl border bg-card shadow-xs">
        {logs.data.map((log) => {
          const event = events.find((item) => item.name === log.eventName);
          return (
            <li key={`${log.transactionHash}-${log.logIndex}`} className="grid min-w-0 gap-2 px-4 py-3">
              <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium font-mono text-sm">{log.eventName}</span>
                <span className="text-muted-foreground text-xs">block {log.blockNumber.toString()}</span>
                <span className="inline-flex items-center text-muted-foreground text-xs">
                  <span className="font-mono" title={log.transactionHash}>
                    {shortenAddress(log.transactionHash, 10, 6)}
                  </span>
                  <CopyButton value={log.transactionHash} label="Copy transaction hash" className="size-6" />
                  <ExplorerLink kind="tx" value={log.transactionHash} />
                </span>
              </div>
              {event && event.inputs.length > 0 ? <EventArgs inputs={event.inputs} args={log.args} /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function EventArgs({ inputs, args }: { inputs: readonly AbiParameter[]; args: unknown }) {
  const argumentOf = (param: AbiParameter, index: number) =>
    Array.isArray(args) ? args[index] : (args as Record<string, unknown> | undefined)?.[param.name ?? String(index)];
  return (
    <dl className="grid gap-1.5 sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)] sm:gap-x-4">
      {inputs.map((param, index) => (
        <div key={param.name || index} className="contents">
          <dt className="truncate font-mono text-muted-foreground text-xs sm:pt-0.5">{param.name || `#${index}`}</dt>
          <dd className="min-w-0">
            <ValueView display={describeValue(param, argumentOf(param, index), param.name)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-xl border border-dashed px-4 py-8 text-center text-muted-foreground text-sm">{children}</p>
  );
}
