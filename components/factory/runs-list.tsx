"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, WandSparkles } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/components/wallet/session-context";
import { fetchRuns, LIVE_STATUSES, type RunSummaryJson } from "./api";
import { FactorySignIn } from "./factory-sign-in";
import { TASK_LABELS } from "./format";
import { RunStatusBadge } from "./run-status-badge";

const LIST_POLL_MS = 3000;

/** The "New fine-tune" call to action. */
export function NewFineTuneButton() {
  return (
    <Button asChild>
      <Link href="/factory/new">
        <Plus aria-hidden="true" />
        New fine-tune
      </Link>
    </Button>
  );
}

function RunRow({ run }: { run: RunSummaryJson }) {
  const { step, totalSteps } = run.progress;
  const created = new Date(run.createdAt);
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs sm:grid-cols-[minmax(0,1fr)_14rem] sm:items-center">
      <div className="grid min-w-0 gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/factory/runs/${run.id}`}
            className="min-w-0 truncate font-medium underline-offset-4 hover:underline"
          >
            {run.name}
          </Link>
          <RunStatusBadge status={run.status} cancelling={run.cancelRequested} />
        </div>
        <p className="text-muted-foreground text-xs">
          <span className="font-mono">{run.baseModel}</span> · {TASK_LABELS[run.task]} · created{" "}
          <time dateTime={run.createdAt} title={created.toLocaleString("en")}>
            {created.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}
          </time>
        </p>
      </div>
      <div className="grid gap-1">
        <Progress
          value={totalSteps > 0 ? step : null}
          max={Math.max(1, totalSteps)}
          aria-label={`Progress of ${run.name}`}
          size="sm"
        />
        <span className="text-muted-foreground text-xs tabular-nums">
          step {step} of {totalSteps}
          {run.progress.loss !== null ? ` · loss ${run.progress.loss.toFixed(3)}` : ""}
        </span>
      </div>
    </li>
  );
}

/** The signed-in user's training runs, newest first, refreshed while any is queued or running. */
export function RunsList() {
  const { status } = useSession();
  const runs = useQuery({
    queryKey: ["training-runs"],
    queryFn: fetchRuns,
    enabled: status === "authenticated",
    refetchInterval: (query) =>
      query.state.data?.some((run) => LIVE_STATUSES.includes(run.status)) ? LIST_POLL_MS : false,
  });
  if (status === "loading" || (status === "authenticated" && runs.isPending)) {
    return <Skeleton className="h-48 w-full rounded-xl" />;
  }
  if (status !== "authenticated") return <FactorySignIn action="see your training runs" />;
  if (runs.isError) {
    return (
      <p role="alert" className="text-destructive text-sm">
        Your runs could not be loaded: {runs.error.message}
      </p>
    );
  }
  const list = runs.data ?? [];
  if (list.length === 0) {
    return (
      <EmptyState
        icon={WandSparkles}
        title="No training runs yet"
        description="Your fine-tuning runs will appear here, from queued to trained, with their settings and results."
        capabilities={[
          "Choose a base model and one or more Datanet versions",
          "Set LoRA rank, target layers and training options",
          "Watch loss, tokens per second and time remaining live",
          "Pick up from a checkpoint if a run is interrupted",
        ]}
        actions={<NewFineTuneButton />}
      />
    );
  }
  return (
    <ul aria-label="Training runs" className="grid gap-3">
      {list.map((run) => (
        <RunRow key={run.id} run={run} />
      ))}
    </ul>
  );
}
