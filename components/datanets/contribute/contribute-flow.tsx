"use client";

import { ListChecks, RotateCcw } from "lucide-react";
import { useAccount } from "wagmi";
import { Button } from "@/components/ui/button";
import { Stepper } from "@/components/ui/stepper";
import { cn } from "@/lib/utils/cn";
import { CheckError } from "./check-error";
import { checkStep } from "./check-progress";
import { DropZone } from "./drop-zone";
import { FileList } from "./file-list";
import { FileResults } from "./file-results";
import { FlaggedRows } from "./flagged-rows";
import { QualityOverview } from "./quality-overview";
import { RedactSwitch } from "./redact-switch";
import { RejectedFiles } from "./rejected-files";
import { SampleRows } from "./sample-rows";
import { Section } from "./section";
import { SignPanel } from "./sign-panel";
import { SubmittedCard } from "./submitted-card";
import { TransferProgress } from "./transfer-progress";
import type { ApiError, ContributeTarget } from "./types";
import { useContributionCheck } from "./use-contribution-check";
import { useSubmitContribution } from "./use-submit-contribution";

/** The file a refusal names (details.file), if any. */
function faultyFile(error: ApiError): string | undefined {
  const file = error.details?.file;
  return typeof file === "string" ? file : undefined;
}

const STEPS = [{ label: "Add files" }, { label: "Check rows" }, { label: "Sign" }, { label: "Submitted" }];

/** The Contribute tab for a signed-in user: drop → check (report, mapping, redaction) → sign → submitted. */
export function ContributeFlow({ target, sessionAddress }: { target: ContributeTarget; sessionAddress?: string }) {
  const check = useContributionCheck(target);
  const submit = useSubmitContribution(target);
  const { address: walletAddress } = useAccount();
  const { files, preview, request, busy, options } = check;
  const submitting = submit.state.phase !== "idle" && submit.state.phase !== "error";

  // Anything that changes what would be signed clears the last submission attempt.
  const fresh =
    <A extends unknown[]>(action: (...args: A) => unknown) =>
    (...args: A) => {
      submit.reset();
      void action(...args);
    };

  if (submit.state.phase === "done") {
    return (
      <div className="grid gap-6">
        <Stepper steps={STEPS} current={3} label="Contribution steps" />
        <SubmittedCard
          submitted={submit.state.submitted}
          slug={target.slug}
          minReviews={target.minReviews}
          onMore={() => {
            submit.reset();
            check.clear();
          }}
        />
      </div>
    );
  }

  const step = files.length === 0 ? 0 : preview ? 2 : 1;
  const result = preview?.result;
  const locked = busy || submitting;

  return (
    <div className="grid gap-6">
      <Stepper steps={STEPS} current={step} label="Contribution steps" />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 gap-8">
          <Section title="Files" description="Drop several files at once. Nothing is stored until you sign.">
            <DropZone kind={target.kind} disabled={locked} compact={files.length > 0} onFiles={fresh(check.addFiles)} />
            <RejectedFiles messages={check.rejected} onDismiss={check.dismissRejected} />
            {files.length > 0 ? (
              <FileList
                files={files}
                disabled={locked}
                faulty={request.phase === "error" ? faultyFile(request.error) : undefined}
                onRemove={fresh(check.removeFile)}
              />
            ) : null}
            {request.phase === "uploading" ? (
              <TransferProgress
                state={request}
                uploadingLabel={`Uploading ${files.length === 1 ? "1 file" : `${files.length} files`}…`}
                workingLabel="Checking rows…"
                onCancel={check.cancel}
              />
            ) : request.phase === "checking" ? (
              <TransferProgress
                state={{ phase: "working", step: checkStep(request.progress) }}
                uploadingLabel="Uploading…"
                workingLabel="Checking rows…"
                onCancel={check.cancel}
              />
            ) : files.length > 0 && !preview ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button onClick={fresh(check.check)} disabled={locked}>
                  <ListChecks aria-hidden="true" />
                  Check files
                </Button>
                <p className="text-muted-foreground text-sm" aria-live="polite">
                  {request.phase === "cancelled"
                    ? "Check cancelled: nothing was kept on the server."
                    : "Parses every row and checks duplicates and personal data. Nothing is stored."}
                </p>
              </div>
            ) : null}
            {request.phase === "error" ? (
              <CheckError
                error={request.error}
                kind={target.kind}
                mappings={options.mappings}
                onMappingChange={fresh(check.setMapping)}
                onResetMappings={fresh(check.resetMappings)}
              />
            ) : null}
          </Section>

          {result ? (
            <>
              <Section
                title="What was read"
                description="Each file's format and problems; for tables and JSON, which column feeds each field."
                busy={busy}
                actions={
                  <Button size="sm" variant="ghost" onClick={fresh(check.check)} disabled={locked}>
                    <RotateCcw aria-hidden="true" />
                    Check again
                  </Button>
                }
              >
                <FileResults
                  files={result.files}
                  kind={target.kind}
                  totalRows={result.rowCount}
                  disabled={locked}
                  onMappingChange={fresh(check.setMapping)}
                />
              </Section>
              <Section
                title="Quality report"
                description="Every row was checked. Flagged rows are listed below, none are dropped."
                busy={busy}
              >
                <QualityOverview report={result.report} redactedRows={result.redactedRows} />
                {result.report.counts.pii > 0 || options.redactPii ? (
                  <RedactSwitch
                    checked={preview.options.redactPii}
                    disabled={locked}
                    piiRows={result.report.counts.pii}
                    redactedRows={result.redactedRows}
                    onChange={fresh(check.setRedactPii)}
                  />
                ) : null}
              </Section>
              <Section title="Flagged rows" busy={busy}>
                <FlaggedRows
                  report={result.report}
                  sample={result.sample}
                  context={{ datanetId: target.id, slug: target.slug, twins: result.twinDatanets }}
                />
              </Section>
              <Section title="Sample rows" description="Rows as they will be stored." busy={busy}>
                <SampleRows
                  sample={result.sample.filter((row) => row.position < 50)}
                  kind={target.kind}
                  rowCount={result.rowCount}
                />
              </Section>
            </>
          ) : null}
        </div>
        <aside aria-label="Sign and submit" className={cn("lg:sticky lg:top-24", !preview && "hidden lg:block")}>
          <SignPanel
            preview={preview}
            stale={busy}
            state={submit.state}
            sessionAddress={sessionAddress}
            walletAddress={walletAddress}
            registryDeployed={submit.registry !== undefined}
            onSubmit={() => {
              if (preview) void submit.submit(files, preview);
            }}
            onRecheck={fresh(check.check)}
          />
        </aside>
      </div>
    </div>
  );
}
