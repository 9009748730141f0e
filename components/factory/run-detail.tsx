"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Loader2, Play, Square } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { useSession } from "@/components/wallet/session-context";
import { describeColumns } from "@/lib/factory/columns";
import { fetchRun, LIVE_STATUSES, type MetricPoint, type RunDetailJson, runAction } from "./api";
import { ClassifierPanel } from "./classifier-panel";
import { FactorySignIn } from "./factory-sign-in";
import { formatDuration, shortHash, TASK_LABELS } from "./format";
import { JsonBlock } from "./json-block";
import { LossChart } from "./loss-chart";
import { PlaygroundPanel } from "./playground-panel";
import { PublishModelPanel } from "./publish-model-panel";
import { RunEvaluationPanel } from "./run-evaluation";
import { RunLogs } from "./run-logs";
import { lastStepOf, mergeMetrics } from "./run-metrics";
import { RunStatusBadge } from "./run-status-badge";
import { VersionRow } from "./version-row";

const POLL_MS = 1500;

/** A run, polled while it may still change, fetching only the metric points it has not seen. */
function useLiveRun(id: string) {
  const metrics = useRef<MetricPoint[]>([]);
  const query = useQuery({
    queryKey: ["training-run", id],
    queryFn: async (): Promise<RunDetailJson> => {
      const after = lastStepOf(metrics.current);
      let run = await fetchRun(id, after);
      if (after !== undefined && run.progress.step < after) {
        // Resumed from an earlier checkpoint: the steps since are retrained, so read the whole history again.
        run = await fetchRun(id);
        metrics.current = run.metrics;
      } else {
        metrics.current = mergeMetrics(metrics.current, run.metrics);
      }
      return { ...run, metrics: metrics.current };
    },
    refetchInterval: (q) => (q.state.data && LIVE_STATUSES.includes(q.state.data.status) ? POLL_MS : false),
    refetchOnWindowFocus: false,
  });
  return query;
}

export function RunDetail({ id }: { id: string }) {
  const { status } = useSession();
  if (status === "loading") return <Skeleton className="h-96 w-full rounded-xl" />;
  if (status !== "authenticated") return <FactorySignIn action="see this training run" />;
  return <SignedInRunDetail id={id} />;
}

function RunActions({ run }: { run: RunDetailJson }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const action = useMutation({
    mutationFn: (kind: "cancel" | "resume") => runAction(run.id, kind),
    onSuccess: (_run, kind) => {
      setOpen(false);
      toast.success(kind === "cancel" ? "Cancel requested." : "Resumed: the run is queued again.");
      void queryClient.invalidateQueries({ queryKey: ["training-run", run.id] });
      void queryClient.invalidateQueries({ queryKey: ["training-runs"] });
    },
  });
  const cancellable = run.status === "queued" || (run.status === "running" && !run.cancelRequested);
  const resumable = run.status === "cancelled" || run.status === "failed";
  const pending = action.isPending ? action.variables : null;
  return (
    <div className="grid justify-items-start gap-2 sm:justify-items-end">
      <div className="flex flex-wrap gap-2">
        {cancellable ? (
          <AlertDialog open={open} onOpenChange={setOpen}>
            <AlertDialogTrigger asChild>
              <Button variant="outline" disabled={pending !== null}>
                <Square aria-hidden="true" />
                Cancel run
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Cancel this run?</AlertDialogTitle>
                <AlertDialogDescription>
                  {run.status === "queued"
                    ? "It has not started: it leaves the queue at once."
                    : "Training stops within a few seconds and keeps its last checkpoint."}{" "}
                  You can resume it later from where it stopped.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Keep training</AlertDialogCancel>
                <AlertDialogAction
                  onClick={(event) => {
                    event.preventDefault();
                    action.mutate("cancel");
                  }}
                  disabled={pending !== null}
                >
                  {pending === "cancel" ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
                  {pending === "cancel" ? "Cancelling…" : "Cancel run"}
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        ) : null}
        {resumable ? (
          <Button onClick={() => action.mutate("resume")} disabled={pending !== null}>
            {pending === "resume" ? (
              <Loader2 className="animate-spin" aria-hidden="true" />
            ) : (
              <Play aria-hidden="true" />
            )}
            {pending === "resume" ? "Resuming…" : "Resume"}
          </Button>
        ) : null}
      </div>
      {action.isError ? (
        <p role="alert" className="max-w-sm text-destructive text-sm">
          {action.error.message}
        </p>
      ) : null}
    </div>
  );
}

function SignedInRunDetail({ id }: { id: string }) {
  const query = useLiveRun(id);
  if (query.isPending) return <Skeleton className="h-96 w-full rounded-xl" />;
  if (query.isError) {
    return (
      <div role="alert" className="grid gap-2 text-sm">
        <p className="font-medium text-destructive">The run could not be loaded</p>
        <p className="text-muted-foreground">{query.error.message}</p>
        <Link href="/factory" className="underline underline-offset-4">
          Back to your runs
        </Link>
      </div>
    );
  }
  const run = query.data;
  const { step, totalSteps, epoch, loss, valLoss, tokensPerSecond, etaSeconds } = run.progress;
  const percent = totalSteps > 0 ? Math.round((step / totalSteps) * 100) : 0;
  return (
    <div className="grid gap-6">
      <Link
        href="/factory"
        className="inline-flex w-fit items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All runs
      </Link>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 break-words font-semibold text-2xl tracking-tight">{run.name}</h1>
            <RunStatusBadge status={run.status} cancelling={run.cancelRequested} />
          </div>
          <p className="text-muted-foreground text-sm">
            <span className="font-mono">{run.baseModel}</span> · {TASK_LABELS[run.task]}
            {run.config.data.columns ? (
              <>
                {" "}
                (<span className="font-mono">{describeColumns(run.task, run.config.data.columns)}</span>)
              </>
            ) : null}{" "}
            · backend{" "}
            <span className="font-mono">
              {run.backend ?? (run.status === "queued" ? "chosen when training starts" : "not reported")}
            </span>
          </p>
        </div>
        <RunActions run={run} />
      </header>

      {run.status === "failed" && run.error ? (
        <div role="alert" className="rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm">
          <p className="font-medium text-destructive">Training failed</p>
          <p className="whitespace-pre-wrap break-words font-mono text-xs">{run.error}</p>
        </div>
      ) : null}

      <section aria-labelledby="progress-heading" className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="progress-heading" className="font-medium">
            Progress
          </h2>
          <span className="text-muted-foreground text-sm tabular-nums">
            step {step} of {totalSteps} · {percent}%
            {run.status === "running" && etaSeconds !== null ? ` · about ${formatDuration(etaSeconds)} left` : ""}
          </span>
        </div>
        <Progress
          value={run.status === "queued" ? null : step}
          max={Math.max(1, totalSteps)}
          aria-label="Training progress"
        />
        {run.status === "queued" ? (
          <p className="text-muted-foreground text-sm">Waiting for a trainer to pick the run up.</p>
        ) : null}
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat
            label="Training loss"
            value={loss === null ? "—" : loss.toFixed(3)}
            hint={`epoch ${epoch.toFixed(2)}`}
          />
          <Stat label="Validation loss" value={valLoss === null ? "—" : valLoss.toFixed(3)} />
          <Stat
            label="Tokens / s"
            value={tokensPerSecond === null ? "—" : Math.round(tokensPerSecond).toLocaleString("en")}
            hint={run.peakMemoryMiB === null ? undefined : `peak memory ${run.peakMemoryMiB.toLocaleString("en")} MiB`}
          />
          <Stat
            label="Time left"
            value={etaSeconds === null || run.status !== "running" ? "—" : formatDuration(etaSeconds)}
            hint={run.checkpoint ? `checkpoint at step ${run.checkpoint.step}` : "no checkpoint yet"}
          />
        </div>
      </section>

      <section aria-labelledby="loss-heading" className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs">
        <h2 id="loss-heading" className="font-medium">
          Loss
        </h2>
        <LossChart metrics={run.metrics} />
      </section>

      {run.evaluation ? <RunEvaluationPanel evaluation={run.evaluation} /> : null}

      {run.task === "classification" ? (
        <ClassifierPanel runId={run.id} ready={run.status === "succeeded" && run.hasAdapter} />
      ) : (
        <PlaygroundPanel runId={run.id} task={run.task} ready={run.status === "succeeded" && run.hasAdapter} />
      )}

      {run.status === "succeeded" && run.hasAdapter ? <PublishModelPanel runId={run.id} /> : null}

      <section aria-labelledby="lineage-heading" className="grid gap-3">
        <h2 id="lineage-heading" className="font-medium">
          Lineage
        </h2>
        <ul className="grid gap-2">
          {run.lineage.map((v) => (
            <VersionRow key={v.versionId} {...v} rootLabel="on-chain root">
              {v.txHash ? (
                <span className="font-mono text-muted-foreground text-xs" title={v.txHash}>
                  tx {shortHash(v.txHash)}
                </span>
              ) : null}
            </VersionRow>
          ))}
        </ul>
      </section>

      <RunLogs logs={run.logs} />

      <section aria-labelledby="config-heading" className="grid gap-2">
        <h2 id="config-heading" className="font-medium">
          Config
        </h2>
        <p className="text-muted-foreground text-xs">
          The run's whole config; POST it to <code className="font-mono">/api/training-runs</code> to launch the same
          run again.
        </p>
        <JsonBlock value={run.config} label="run config JSON" />
      </section>
    </div>
  );
}
