"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, LoaderCircle, Upload } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ApiError } from "@/components/datanets/versions/api-client";
import { recordTransaction } from "@/components/datanets/versions/record-tx";
import { ProblemCallout, type RecordState, TxSteps } from "@/components/datanets/versions/tx-steps";
import type { WriteProblem } from "@/components/datanets/versions/write-problem";
import { CopyButton } from "@/components/debug/copy-button";
import { ExplorerLink } from "@/components/debug/explorer-link";
import {
  fetchRunModel,
  type ModelSummaryJson,
  modelUrl,
  type PreparedModelJson,
  prepareRunModel,
} from "@/components/models/api";
import { priceProblem } from "@/components/models/price";
import { useModelRegistryWrite } from "@/components/models/use-model-registry-write";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { shortHash } from "./format";

/** Why the app would not prepare the model, in words (POST /api/training-runs/:id/model). */
const PREPARE_TITLES: Record<string, string> = {
  datanet_not_registered: "A Datanet is not on-chain",
  version_not_onchain: "A Datanet version is not on-chain",
  run_not_succeeded: "The run has not succeeded",
  no_adapter: "No adapter",
  adapter_missing: "The adapter is gone",
  already_published: "Already published",
  adapter_taken: "This adapter is already a model",
};

/**
 * Publishing a succeeded run: the app hashes the adapter and writes the model card (a draft), the owner's wallet
 * sends ModelRegistry.publishModel with exactly that call, and the app records it from the ModelPublished event.
 */
export function PublishModelPanel({ runId }: { runId: string }) {
  const queryClient = useQueryClient();
  const existing = useQuery({ queryKey: ["run-model", runId], queryFn: () => fetchRunModel(runId) });
  const write = useModelRegistryWrite();
  const [price, setPrice] = useState("0.01");
  const [touched, setTouched] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [prepareProblem, setPrepareProblem] = useState<WriteProblem | null>(null);
  const [record, setRecord] = useState<RecordState>({ step: "idle" });
  const [prepared, setPrepared] = useState<PreparedModelJson | null>(null);

  const problem = priceProblem(price);
  const published = existing.data?.status === "published" ? existing.data : null;

  const confirm = async (draft: PreparedModelJson, txHash: string) => {
    setRecord({ step: "running" });
    try {
      const { model } = await recordTransaction<{ model: ModelSummaryJson }>(
        modelUrl(draft.model.id, "confirm"),
        txHash,
      );
      setRecord({ step: "done" });
      queryClient.setQueryData(["run-model", runId], model);
    } catch (error) {
      setRecord({ step: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const publish = async () => {
    setTouched(true);
    if (problem) return;
    setPrepareProblem(null);
    setRecord({ step: "idle" });
    write.reset();
    setPreparing(true);
    let draft: PreparedModelJson;
    try {
      draft = await prepareRunModel(runId, price);
    } catch (error) {
      setPrepareProblem({
        kind: "failed",
        title: (error instanceof ApiError && PREPARE_TITLES[error.code]) || "The app could not prepare the model",
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    } finally {
      setPreparing(false);
    }
    setPrepared(draft);
    const receipt = await write.send(draft.registry, draft.call);
    if (receipt) await confirm(draft, receipt.transactionHash);
  };

  const busy = preparing || write.busy || record.step === "running";
  const minedHash = write.phase.step === "confirmed" ? write.phase.hash : undefined;
  return (
    <section
      aria-labelledby="publish-heading"
      className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs"
      data-testid="publish-model"
    >
      <div className="grid gap-1">
        <h2 id="publish-heading" className="font-medium">
          Publish
        </h2>
        <p className="text-muted-foreground text-sm">
          Register the adapter in the ModelRegistry from your wallet: its sha256, the base model, the Datanet versions
          it learned from and a price per 1,000 tokens. Anyone can then find it under Models and download it.
        </p>
      </div>
      {existing.isPending ? (
        <p className="text-muted-foreground text-sm">Checking whether this run is already published…</p>
      ) : published ? (
        <PublishedModel model={published} showTx={write.phase.step === "idle"} />
      ) : (
        <>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <Field
              label="Price per 1,000 tokens (OPEN)"
              description="0 makes it free; up to 18 decimals"
              error={touched && problem ? problem : undefined}
              invalid={touched && problem !== null}
              className="sm:max-w-xs"
            >
              <Input
                inputMode="decimal"
                value={price}
                onChange={(event) => setPrice(event.target.value)}
                onBlur={() => setTouched(true)}
                disabled={busy}
              />
            </Field>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void publish()} disabled={busy || (touched && problem !== null)}>
              {busy ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Upload aria-hidden="true" />}
              {preparing ? "Hashing the adapter…" : "Publish"}
            </Button>
            {record.step === "failed" && minedHash && prepared ? (
              <Button variant="outline" onClick={() => void confirm(prepared, minedHash)}>
                Record it again
              </Button>
            ) : null}
          </div>
        </>
      )}
      {prepareProblem ? <ProblemCallout problem={prepareProblem} /> : null}
      {published && write.phase.step === "idle" ? null : <TxSteps phase={write.phase} record={record} label="Model" />}
    </section>
  );
}

/** The run's published model; its transaction unless the steps just above show it already. */
function PublishedModel({ model, showTx }: { model: ModelSummaryJson; showTx: boolean }) {
  return (
    <div className="grid gap-2" role="status">
      <p className="font-medium text-emerald-700 text-sm dark:text-emerald-400">
        Published on-chain as model #{model.onchainId} at {model.pricePer1k} OPEN per 1,000 tokens.
      </p>
      {showTx && model.txHash ? (
        <p className="flex min-w-0 items-center gap-1 text-muted-foreground text-xs">
          <span>Transaction</span>
          <span className="truncate font-mono" title={model.txHash} data-testid="model-tx-hash">
            {shortHash(model.txHash)}
          </span>
          <CopyButton value={model.txHash} label="Copy the transaction hash" className="size-6" />
          <ExplorerLink kind="tx" value={model.txHash} />
        </p>
      ) : null}
      <div>
        <Button asChild variant="outline" size="sm">
          <Link href={`/models/${model.id}`}>
            Open the model page
            <ArrowRight aria-hidden="true" />
          </Link>
        </Button>
      </div>
    </div>
  );
}
