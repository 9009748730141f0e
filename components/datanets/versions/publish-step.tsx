"use client";

import { LoaderCircle, Upload } from "lucide-react";
import { useId, useState } from "react";
import type { Hex } from "viem";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ApiError, datanetApi, fetchJson } from "./api-client";
import { OnchainRoot } from "./onchain-root";
import { recordTransaction } from "./record-tx";
import { ProblemCallout, type RecordState, TxSteps } from "./tx-steps";
import type { DraftResponse } from "./types";
import { useRegistryWrite } from "./use-registry-write";
import type { WriteProblem } from "./write-problem";

/** Why the app would not draft a version, in words (POST /api/datanets/:id/versions). */
const DRAFT_TITLES: Record<string, string> = {
  not_registered: "Register the Datanet first",
  nothing_accepted: "Nothing accepted yet",
  no_changes: "Nothing changed",
  version_in_flight: "A version is already on its way",
};

type Published = { number: number; merkleRoot: Hex; onchainId: string };

/**
 * Step 2: the app snapshots the accepted rows into a draft (Merkle root, counts, parent), the owner's
 * wallet sends DatanetRegistry.addVersion with exactly that call, and the app confirms it from the
 * VersionAdded event. Then the chain's record is read back next to the app's root.
 */
export function PublishStep({
  datanetId,
  nextNumber,
  onPublished,
}: {
  datanetId: string;
  nextNumber: number;
  /** Called with the version's number once the app recorded it as confirmed. */
  onPublished: (number: number) => void;
}) {
  const changelogId = useId();
  const write = useRegistryWrite();
  const [changelog, setChangelog] = useState("");
  const [drafting, setDrafting] = useState(false);
  const [draftProblem, setDraftProblem] = useState<WriteProblem | null>(null);
  const [record, setRecord] = useState<RecordState>({ step: "idle" });
  const [draft, setDraft] = useState<DraftResponse | null>(null);
  const [published, setPublished] = useState<Published | null>(null);

  const publish = async () => {
    setDraftProblem(null);
    setRecord({ step: "idle" });
    setPublished(null);
    write.reset();
    setDrafting(true);
    let drafted: DraftResponse;
    try {
      drafted = await fetchJson<DraftResponse>(datanetApi(datanetId, "versions"), { json: { changelog } });
    } catch (error) {
      setDraftProblem({
        kind: "failed",
        title: (error instanceof ApiError && DRAFT_TITLES[error.code]) || "The app could not prepare the version",
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    } finally {
      setDrafting(false);
    }
    setDraft(drafted);
    const { call } = drafted;
    const receipt = await write.send(drafted.registry, {
      functionName: "addVersion",
      args: [
        BigInt(call.datanetId),
        call.merkleRoot,
        BigInt(call.rowCount),
        call.contributorCount,
        call.parentVersion,
        call.metadataHash,
      ],
    });
    if (receipt) await confirm(drafted, receipt.transactionHash);
  };

  const confirm = async (drafted: DraftResponse, txHash: string) => {
    setRecord({ step: "running" });
    try {
      await recordTransaction(datanetApi(datanetId, "versions", drafted.version.number, "confirm"), txHash);
      setRecord({ step: "done" });
      setChangelog("");
      setDraft(null);
      setPublished({
        number: drafted.version.number,
        merkleRoot: drafted.version.merkleRoot,
        onchainId: drafted.call.datanetId,
      });
      onPublished(drafted.version.number);
    } catch (error) {
      setRecord({ step: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const busy = drafting || write.busy || record.step === "running";
  const minedHash = write.phase.step === "confirmed" ? write.phase.hash : undefined;
  return (
    <div className="grid gap-3">
      {published ? null : (
        <>
          <div className="grid gap-1.5">
            <Label htmlFor={changelogId}>Changelog</Label>
            <Textarea
              id={changelogId}
              value={changelog}
              onChange={(event) => setChangelog(event.target.value)}
              placeholder="What changed since the last version: new contributions, rows removed, why…"
              maxLength={5_000}
              rows={3}
              disabled={busy}
            />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={publish} disabled={busy}>
              {busy ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Upload aria-hidden="true" />}
              {drafting ? "Snapshotting the accepted rows…" : `Publish version ${draft?.version.number ?? nextNumber}`}
            </Button>
            {record.step === "failed" && minedHash && draft ? (
              <Button variant="outline" onClick={() => confirm(draft, minedHash)}>
                Record it again
              </Button>
            ) : null}
          </div>
        </>
      )}
      {draftProblem ? <ProblemCallout problem={draftProblem} /> : null}
      <TxSteps
        phase={write.phase}
        record={record}
        label={`Version ${published?.number ?? draft?.version.number ?? nextNumber}`}
      />
      {published ? (
        <div className="grid gap-2" role="status">
          <p className="font-medium text-emerald-700 text-sm dark:text-emerald-400">
            Version {published.number} is published on-chain.
          </p>
          <OnchainRoot onchainId={published.onchainId} number={published.number} appRoot={published.merkleRoot} />
        </div>
      ) : null}
    </div>
  );
}
