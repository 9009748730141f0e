"use client";

import { ArrowLeft, ArrowRight, Loader2, Rocket, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError } from "@/components/datanets/versions/api-client";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Stepper } from "@/components/ui/stepper";
import { useSession } from "@/components/wallet/session-context";
import type { BaseModelCard, BaseModelChoices } from "@/lib/factory/base-model-cards";
import { launchRun } from "./api";
import { BaseModelStep } from "./base-model-step";
import { DataStep } from "./data-step";
import { FactorySignIn } from "./factory-sign-in";
import { MethodStep } from "./method-step";
import { ReviewStep } from "./review-step";
import { serverIssuesOf } from "./server-issues";
import { useRunCheck } from "./use-run-check";
import { useWizardDraft } from "./use-wizard-draft";
import {
  applyChange,
  type ConfigIssue,
  checkDraft,
  compatibleTasks,
  draftToConfig,
  emptyDraft,
  issueFor,
  stepOfPath,
  type WizardDraft,
} from "./wizard-draft";

const STEPS = [
  { label: "Base model", description: "What to fine-tune" },
  { label: "Data", description: "Datanet versions" },
  { label: "Method", description: "LoRA and training" },
  { label: "Review", description: "Config and launch" },
];

/** Imported checkpoint folders that cannot be used, and where checkpoints are imported to (the base step shows them). */
type ImportsInfo = Pick<BaseModelChoices, "broken" | "checkpointsFolder">;

/** The fine-tuning wizard; a signed-out visitor is asked to sign in instead. */
export function NewRunWizard({ models, imports }: { models: BaseModelCard[]; imports?: ImportsInfo }) {
  const { status, session } = useSession();
  if (status === "loading") return <Skeleton className="h-96 w-full rounded-xl" />;
  if (status !== "authenticated" || !session.address) return <FactorySignIn action="fine-tune a model" />;
  return <SignedInWizard models={models} imports={imports} address={session.address} />;
}

function SignedInWizard({
  models,
  imports,
  address,
}: {
  models: BaseModelCard[];
  imports: ImportsInfo | undefined;
  address: string;
}) {
  const router = useRouter();
  const { draft, setDraft, ready, restored, clear } = useWizardDraft(address);
  // Steps the user tried to leave: their problems show from then on, not while still typing a first value.
  const [attempted, setAttempted] = useState<Set<number>>(new Set());
  const [serverIssues, setServerIssues] = useState<ConfigIssue[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [launching, setLaunching] = useState(false);
  // The server's check of the data (a mapping a Datanet cannot fill, too many labels…), shown as soon as it answers.
  const base = models.find((m) => m.id === draft.baseModel);
  const serverCheck = useRunCheck(draft, base);

  if (!ready) return <Skeleton className="h-96 w-full rounded-xl" />;

  const clientIssues = checkDraft(draft, base);
  const kinds = draft.versions.map((v) => v.kind);
  if (kinds.length > 0 && compatibleTasks(kinds).length === 0) {
    clientIssues.push({ path: "data.task", message: "The chosen Datanets' kinds share no task." });
  }
  const checked = serverCheck.issues.filter((issue) => stepOfPath(issue.path) === 1);
  const shown = [
    ...clientIssues.filter((i) => attempted.has(stepOfPath(i.path))),
    ...(serverIssues.length > 0 ? serverIssues : checked),
  ];
  const step = draft.step;

  const update = (change: Partial<WizardDraft>) => {
    setDraft((current) => applyChange(current, change));
    // An edited field may have fixed what the server refused: its message goes until the next launch.
    setServerIssues([]);
  };
  const goTo = (next: number) => {
    setDraft((current) => ({ ...current, step: next }));
    window.scrollTo({ top: 0 });
  };
  const next = () => {
    setAttempted((set) => new Set(set).add(step));
    if (clientIssues.some((issue) => stepOfPath(issue.path) === step)) return;
    goTo(step + 1);
  };
  const startOver = () => {
    clear();
    setDraft(emptyDraft());
    setAttempted(new Set());
    setServerIssues([]);
    setServerError(null);
  };
  const launch = async () => {
    setAttempted(new Set([0, 1, 2, 3]));
    setServerError(null);
    if (clientIssues.length > 0) return;
    setLaunching(true);
    try {
      const run = await launchRun(draftToConfig(draft));
      clear();
      toast.success(`Launched “${run.name}”.`, { description: "It is queued for a trainer." });
      router.push(`/factory/runs/${run.id}`);
    } catch (error) {
      setLaunching(false);
      if (error instanceof ApiError) {
        const issues = serverIssuesOf(error);
        setServerIssues(issues);
        setServerError(error.message);
        const first = issues[0];
        if (first) goTo(stepOfPath(first.path));
      } else {
        setServerError("Could not reach the server: check your connection.");
      }
    }
  };

  return (
    <div className="grid gap-6">
      <Stepper steps={STEPS} current={step} label="Fine-tuning steps" />
      {restored ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-muted/50 px-3 py-2 text-sm">
          <p className="text-muted-foreground">Picked up the draft you left in this browser.</p>
          <Button variant="ghost" size="sm" onClick={startOver}>
            <RotateCcw aria-hidden="true" />
            Start over
          </Button>
        </div>
      ) : null}
      {serverError ? (
        <div role="alert" className="rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm">
          <p className="font-medium text-destructive">The run was not launched</p>
          <p className="break-words text-muted-foreground">{serverError}</p>
        </div>
      ) : null}

      <div className="min-w-0">
        {step === 0 ? (
          <BaseModelStep
            models={models}
            broken={imports?.broken ?? []}
            checkpointsFolder={imports?.checkpointsFolder ?? null}
            value={draft.baseModel}
            onChange={(id) => {
              // Another family has other MLP modules: keep only the ones it has.
              const modules = models.find((m) => m.id === id)?.loraModules ?? [];
              const kept = draft.method.targetModules.filter((m) => modules.includes(m));
              update({
                baseModel: id,
                method: { ...draft.method, targetModules: kept.length ? kept : ["q", "k", "v", "o"] },
              });
            }}
            error={issueFor(shown, "baseModel")}
          />
        ) : step === 1 ? (
          <DataStep draft={draft} base={base} update={update} issues={shown} />
        ) : step === 2 ? (
          <MethodStep
            draft={draft}
            base={base}
            update={update}
            replace={(d) => update({ method: d.method, preset: d.preset })}
            issues={shown}
          />
        ) : (
          <ReviewStep draft={draft} base={base} update={update} issues={shown} goTo={goTo} />
        )}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t pt-4">
        <Button variant="outline" onClick={() => goTo(step - 1)} disabled={step === 0 || launching}>
          <ArrowLeft aria-hidden="true" />
          Back
        </Button>
        {step < STEPS.length - 1 ? (
          <Button onClick={next}>
            Next: {STEPS[step + 1]?.label}
            <ArrowRight aria-hidden="true" />
          </Button>
        ) : (
          <Button onClick={launch} disabled={launching}>
            {launching ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Rocket aria-hidden="true" />}
            {launching ? "Launching…" : "Launch fine-tune"}
          </Button>
        )}
      </div>
    </div>
  );
}
