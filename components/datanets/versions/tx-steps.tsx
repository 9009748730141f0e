"use client";

import { CircleX, Info } from "lucide-react";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/debug/copy-button";
import { ExplorerLink } from "@/components/debug/explorer-link";
import { type StepState, StepStatusIcon } from "@/components/ui/step-status-icon";
import { cn } from "@/lib/utils/cn";
import { shortAddress } from "../format";
import type { RegistryWritePhase } from "./use-registry-write";
import type { WriteProblem } from "./write-problem";

/** The app's part after the block: recording the transaction (it checks the event on-chain). */
export type RecordState = { step: "idle" | "running" | "done" } | { step: "failed"; message: string };

/** A write's steps — simulate, sign, mined, recorded by the app — with the hash and any problem in plain words. */
export function TxSteps({ phase, record, label }: { phase: RegistryWritePhase; record: RecordState; label: string }) {
  if (phase.step === "idle") return null;
  const hash = "hash" in phase ? phase.hash : undefined;
  const failedBeforeSend = phase.step === "failed" && !hash;
  const simulate: StepState =
    phase.step === "simulating" ? "running" : failedBeforeSend && !isWalletProblem(phase.problem) ? "failed" : "done";
  const sign: StepState =
    phase.step === "simulating" || (failedBeforeSend && !isWalletProblem(phase.problem))
      ? "waiting"
      : phase.step === "signing"
        ? "running"
        : failedBeforeSend
          ? "failed"
          : "done";
  const mined: StepState =
    phase.step === "pending"
      ? "running"
      : phase.step === "confirmed"
        ? "done"
        : phase.step === "failed" && hash
          ? "failed"
          : "waiting";
  const recorded: StepState =
    record.step === "running"
      ? "running"
      : record.step === "done"
        ? "done"
        : record.step === "failed"
          ? "failed"
          : "waiting";

  return (
    <div className="grid gap-3" aria-live="polite">
      <ol aria-label={`${label}: transaction status`} className="grid gap-2 text-sm">
        <Step state={simulate}>{simulate === "running" ? "Simulating the call…" : "Simulation"}</Step>
        <Step state={sign}>
          {sign === "running" ? "Confirm the transaction in your wallet…" : "Signed in your wallet"}
        </Step>
        <Step state={mined}>
          {mined === "running"
            ? "Pending: waiting for the block…"
            : phase.step === "confirmed"
              ? `Confirmed in block ${phase.receipt.blockNumber}`
              : "Confirmed on-chain"}
        </Step>
        <Step state={recorded}>{recorded === "running" ? "Recording it in the app…" : "Recorded by the app"}</Step>
      </ol>
      {hash ? (
        <p className="flex min-w-0 items-center gap-1 rounded-lg bg-muted/50 px-3 py-1.5 text-xs">
          <span className="text-muted-foreground">Transaction</span>
          <span className="truncate font-mono" title={hash} data-testid="tx-hash">
            {shortAddress(hash)}
          </span>
          <CopyButton value={hash} label="Copy the transaction hash" className="size-6" />
          <ExplorerLink kind="tx" value={hash} />
        </p>
      ) : null}
      {phase.step === "failed" ? <ProblemCallout problem={phase.problem} /> : null}
      {record.step === "failed" ? (
        <ProblemCallout problem={{ kind: "failed", title: "The app could not record it", message: record.message }} />
      ) : null}
    </div>
  );
}

const isWalletProblem = (problem: WriteProblem) =>
  problem.kind === "rejected" || problem.kind === "failed" || problem.kind === "no_wallet";

/** A problem in plain words; a rejection in the wallet is calm, anything else is an error. */
export function ProblemCallout({ problem }: { problem: WriteProblem }) {
  const calm = problem.kind === "rejected";
  return (
    <div
      role="alert"
      className={cn(
        "flex min-w-0 gap-2.5 rounded-lg border px-3 py-2.5 text-sm",
        calm ? "bg-muted/60" : "border-destructive/30 bg-destructive/5",
      )}
    >
      {calm ? (
        <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      ) : (
        <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
      )}
      <div className="grid min-w-0 gap-0.5">
        <p className={cn("font-medium", !calm && "text-destructive")}>{problem.title}</p>
        <p className="text-muted-foreground">{problem.message}</p>
        {problem.errorCall ? <p className="break-all font-mono text-xs">{problem.errorCall}</p> : null}
      </div>
    </div>
  );
}

function Step({ state, children }: { state: StepState; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2.5" data-state={state}>
      <StepStatusIcon state={state} />
      <span className={cn(state === "waiting" && "text-muted-foreground", state === "failed" && "text-destructive")}>
        {children}
        <span className="sr-only"> ({state})</span>
      </span>
    </li>
  );
}
