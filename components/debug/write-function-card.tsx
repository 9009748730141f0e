"use client";

import { LoaderCircle, Send } from "lucide-react";
import { type FormEvent, useMemo, useState } from "react";
import type { AbiFunction } from "viem";
import { Button } from "@/components/ui/button";
import { callAbi, functionSignature, parseEtherValue } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import { AbiInputField } from "./abi-input-field";
import type { DebugContract } from "./contract-registry";
import { inputClass } from "./field-styles";
import { FunctionCard } from "./function-card";
import { TxLifecycle } from "./tx-lifecycle";
import { useFunctionForm } from "./use-function-form";
import { useWriteLifecycle } from "./use-write-lifecycle";

/** A state-changing function: its inputs (and ETH value when payable), Send, and the transaction's lifecycle. */
export function WriteFunctionCard({
  contract,
  fn,
  canSend,
}: {
  contract: DebugContract;
  fn: AbiFunction;
  /** A wallet is connected on the app's chain. */
  canSend: boolean;
}) {
  const signature = functionSignature(fn);
  const abi = useMemo(() => callAbi(contract.abi ?? [], fn), [contract.abi, fn]);
  const form = useFunctionForm(fn.inputs);
  const payable = fn.stateMutability === "payable";
  const [valueText, setValueText] = useState("");
  const [valueTouched, setValueTouched] = useState(false);
  const value = parseEtherValue(valueText);
  const { phase, submit, busy } = useWriteLifecycle(contract.address, abi, fn);
  const idPrefix = `${contract.name}-write-${signature}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setValueTouched(true);
    const args = form.submit();
    if (!args || !value.ok || !canSend) return;
    void submit(args, payable ? value.value : 0n);
  };

  return (
    <FunctionCard signature={signature} fn={fn}>
      <form onSubmit={onSubmit} noValidate className="grid gap-3">
        {fn.inputs.length > 0 || payable ? (
          <div className="grid gap-3 sm:grid-cols-2">
            {fn.inputs.map((param, index) => (
              <AbiInputField
                // biome-ignore lint/suspicious/noArrayIndexKey: inputs are fixed for a function; unnamed ones have only a position
                key={index}
                param={param}
                index={index}
                idPrefix={idPrefix}
                form={form}
              />
            ))}
            {payable ? (
              <div className="grid min-w-0 gap-1.5">
                <label htmlFor={`${idPrefix}-value`} className="flex items-baseline gap-2 text-sm">
                  <span className="font-medium font-mono text-[13px]">value</span>
                  <span className="font-mono text-muted-foreground text-xs">ETH sent with the call</span>
                </label>
                <input
                  id={`${idPrefix}-value`}
                  inputMode="decimal"
                  value={valueText}
                  placeholder="0.0"
                  onChange={(event) => setValueText(event.target.value)}
                  onBlur={() => setValueTouched(true)}
                  aria-invalid={!value.ok && valueTouched ? true : undefined}
                  className={cn(inputClass, "font-mono text-[13px]")}
                />
                {!value.ok && valueTouched ? <p className="text-destructive text-xs">{value.error}</p> : null}
              </div>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={!canSend || busy}>
            {busy ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Send aria-hidden="true" />}
            Send
          </Button>
          <span className="text-muted-foreground text-xs">
            {canSend ? "Simulated first; sent only if it would succeed." : "Connect a wallet on this chain to send."}
          </span>
        </div>
      </form>
      <TxLifecycle fn={fn} phase={phase} />
    </FunctionCard>
  );
}
