"use client";

import { RefreshCw } from "lucide-react";
import type { AbiFunction } from "viem";
import { Skeleton } from "@/components/ui/skeleton";
import { functionSignature } from "@/lib/chain/abi-values";
import { describeContractError } from "@/lib/chain/contract-errors";
import { cn } from "@/lib/utils/cn";
import type { DebugContract } from "./contract-registry";
import { FunctionHeading } from "./function-heading";
import { ResultValues } from "./result-value";
import { useLiveRead } from "./use-live-read";

const noArgs: readonly unknown[] = [];

/** A view without inputs: its live value, read at once and again on every block. */
export function ReadValueRow({
  contract,
  fn,
  blockNumber,
}: {
  contract: DebugContract;
  fn: AbiFunction;
  blockNumber: bigint | undefined;
}) {
  const read = useLiveRead(contract, fn, noArgs, blockNumber);
  return (
    <section
      aria-label={functionSignature(fn)}
      className="grid min-w-0 gap-x-4 gap-y-1 px-4 py-3 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)_auto] sm:items-start"
    >
      <FunctionHeading fn={fn} />
      <div className="row-start-2 min-w-0 sm:col-start-2 sm:row-start-1" aria-live="polite" aria-busy={read.isPending}>
        {read.isPending ? (
          <Skeleton className="h-5 w-40" />
        ) : read.isError ? (
          <p className="break-all font-mono text-[13px] text-destructive">
            {describeContractError(read.error).summary}
          </p>
        ) : (
          <ResultValues outputs={fn.outputs} result={read.data} context={fn.name} />
        )}
      </div>
      <button
        type="button"
        onClick={() => void read.refetch()}
        aria-label={`Refresh ${fn.name}`}
        title="Read again"
        className="col-start-2 row-start-1 inline-flex size-7 items-center justify-center justify-self-end rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground sm:col-start-3"
      >
        <RefreshCw className={cn("size-3.5", read.isFetching && "animate-spin")} aria-hidden="true" />
      </button>
    </section>
  );
}
