"use client";

import { BookOpen, LoaderCircle } from "lucide-react";
import { type FormEvent, useState } from "react";
import type { AbiFunction } from "viem";
import { Button } from "@/components/ui/button";
import { functionSignature, toPrettyJson } from "@/lib/chain/abi-values";
import { describeContractError } from "@/lib/chain/contract-errors";
import { AbiInputField } from "./abi-input-field";
import type { DebugContract } from "./contract-registry";
import { ErrorCallout } from "./error-callout";
import { FunctionCard } from "./function-card";
import { ResultValues } from "./result-value";
import { useFunctionForm } from "./use-function-form";
import { useLiveRead } from "./use-live-read";

/** A view with inputs: a form, a Read button, and the result (kept live on new blocks). */
export function ReadFunctionCard({
  contract,
  fn,
  blockNumber,
}: {
  contract: DebugContract;
  fn: AbiFunction;
  blockNumber: bigint | undefined;
}) {
  const signature = functionSignature(fn);
  const form = useFunctionForm(fn.inputs);
  const [args, setArgs] = useState<readonly unknown[]>();
  const read = useLiveRead(contract, fn, args, blockNumber);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = form.submit();
    if (!parsed) return;
    if (args && toPrettyJson(args) === toPrettyJson(parsed)) void read.refetch();
    else setArgs(parsed);
  };

  return (
    <FunctionCard signature={signature} fn={fn}>
      <form onSubmit={onSubmit} noValidate className="grid gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          {fn.inputs.map((param, index) => (
            <AbiInputField
              // biome-ignore lint/suspicious/noArrayIndexKey: inputs are fixed for a function; unnamed ones have only a position
              key={index}
              param={param}
              index={index}
              idPrefix={`${contract.name}-read-${signature}`}
              form={form}
            />
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" size="sm" disabled={read.isFetching}>
            {read.isFetching ? (
              <LoaderCircle className="animate-spin" aria-hidden="true" />
            ) : (
              <BookOpen aria-hidden="true" />
            )}
            Read
          </Button>
          {args === undefined ? (
            <span className="text-muted-foreground text-xs">Fill in the inputs, then read.</span>
          ) : null}
        </div>
      </form>
      {args !== undefined && !read.isPending ? (
        <div className="mt-3 border-t pt-3" aria-live="polite">
          {read.isError ? (
            <ErrorCallout title="The call reverted" error={describeContractError(read.error)} />
          ) : (
            <div className="flex min-w-0 items-start gap-3">
              <span className="mt-0.5 shrink-0 font-medium text-muted-foreground text-xs uppercase tracking-wider">
                Result
              </span>
              <div className="min-w-0 flex-1" data-testid="read-result">
                <ResultValues outputs={fn.outputs} result={read.data} context={fn.name} />
              </div>
            </div>
          )}
        </div>
      ) : null}
    </FunctionCard>
  );
}
