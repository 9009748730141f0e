"use client";

import type { ReactNode } from "react";
import type { AbiFunction } from "viem";
import { type StepState, StepStatusIcon } from "@/components/ui/step-status-icon";
import { shortenAddress } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";
import { ErrorCallout } from "./error-callout";
import { ExplorerLink } from "./explorer-link";
import { ResultValues } from "./result-value";
import type { WritePhase } from "./use-write-lifecycle";

/** The three steps of a write — simulate, sign, confirm — with the hash, block and any decoded error. */
export function TxLifecycle({ fn, phase }: { fn: AbiFunction; phase: WritePhase }) {
  if (phase.step === "idle") return null;
  const simulated = "simulated" in phase;
  const hash = "hash" in phase ? phase.hash : undefined;
  const receipt = "receipt" in phase ? phase.receipt : undefined;

  const simulate: [StepState, ReactNode] =
    phase.step === "simulating"
      ? ["running", "Simulating the call…"]
      : phase.step === "simulation-failed"
        ? ["failed", "Simulation failed: the call would revert"]
        : ["done", "Simulation passed"];
  const sign: [StepState, ReactNode] =
    phase.step === "simulating" || phase.step === "simulation-failed"
      ? ["waiting", phase.step === "simulation-failed" ? "Not sent" : "Sign in your wallet"]
      : phase.step === "signing"
        ? ["running", "Confirm the transaction in your wallet…"]
        : phase.step === "send-failed"
          ? ["failed", phase.error.kind === "rejected" ? "Rejected in the wallet" : "The wallet did not send it"]
          : ["done", "Sent from your wallet"];
  const confirm: [StepState, ReactNode] =
    phase.step === "pending"
      ? ["running", "Pending: waiting to be mined…"]
      : phase.step === "confirmed" && receipt
        ? ["done", `Confirmed in block ${receipt.blockNumber}`]
        : phase.step === "reverted" && receipt
          ? ["failed", `Reverted in block ${receipt.blockNumber}`]
          : phase.step === "receipt-failed"
            ? ["failed", "Could not get the receipt"]
            : ["waiting", "Confirmation on chain"];

  const error = "error" in phase ? phase.error : undefined;
  const errorTitle =
    phase.step === "simulation-failed"
      ? "Would revert — not sent"
      : phase.step === "send-failed"
        ? error?.kind === "rejected"
          ? "Not sent"
          : "Sending failed"
        : "Transaction failed";

  return (
    <div className="mt-4 grid gap-3 border-t pt-4" aria-live="polite">
      <ol aria-label="Transaction status" className="grid gap-2 text-sm">
        <Step state={simulate[0]}>
          {simulate[1]}
          {simulated && fn.outputs.length > 0 ? (
            <span className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-muted-foreground text-xs">
              returns <ResultValues outputs={fn.outputs} result={phase.simulated} context={fn.name} />
            </span>
          ) : null}
        </Step>
        <Step state={sign[0]}>{sign[1]}</Step>
        <Step state={confirm[0]}>{confirm[1]}</Step>
      </ol>
      {hash ? (
        <dl className="grid gap-x-4 gap-y-1 rounded-lg bg-muted/50 px-3 py-2 text-xs sm:grid-cols-[auto_minmax(0,1fr)]">
          <dt className="text-muted-foreground">Transaction</dt>
          <dd className="flex min-w-0 items-center gap-0.5">
            <span title={hash} className="truncate font-mono" data-testid="tx-hash">
              {shortenAddress(hash, 10, 8)}
            </span>
            <CopyButton value={hash} label="Copy transaction hash" className="size-6" />
            <ExplorerLink kind="tx" value={hash} />
          </dd>
          {receipt ? (
            <>
              <dt className="text-muted-foreground">Block</dt>
              <dd className="font-mono tabular-nums">{receipt.blockNumber.toString()}</dd>
              <dt className="text-muted-foreground">Gas used</dt>
              <dd className="font-mono tabular-nums">{receipt.gasUsed.toLocaleString("en-US")}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {error ? <ErrorCallout title={errorTitle} error={error} /> : null}
    </div>
  );
}

function Step({ state, children }: { state: StepState; children: ReactNode }) {
  return (
    <li className="flex min-w-0 items-start gap-2.5" data-state={state}>
      <StepStatusIcon state={state} className="mt-px" />
      <div
        className={cn(
          "grid min-w-0 gap-0.5",
          state === "waiting" && "text-muted-foreground",
          state === "failed" && "text-destructive",
        )}
      >
        {children}
      </div>
    </li>
  );
}
