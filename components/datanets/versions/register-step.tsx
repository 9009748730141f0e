"use client";

import { Link2, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { datanetApi, fetchJson } from "./api-client";
import { recordTransaction } from "./record-tx";
import { type RecordState, TxSteps } from "./tx-steps";
import type { RegistrationResponse } from "./types";
import { useRegistryWrite } from "./use-registry-write";

/**
 * Step 1 for a Datanet not on-chain yet: DatanetRegistry.createDatanet from the owner's wallet with
 * the call the app prepares, then the app records the on-chain id from the DatanetCreated event.
 */
export function RegisterStep({
  datanetId,
  onRegistered,
}: {
  datanetId: string;
  onRegistered: (onchainId: string) => void;
}) {
  const write = useRegistryWrite();
  const [record, setRecord] = useState<RecordState>({ step: "idle" });
  const [preparing, setPreparing] = useState<string | null>(null);
  const url = datanetApi(datanetId, "registration");

  const register = async () => {
    setRecord({ step: "idle" });
    setPreparing("");
    let registration: RegistrationResponse;
    try {
      registration = await fetchJson<RegistrationResponse>(url);
    } catch (error) {
      setPreparing(error instanceof Error ? error.message : String(error));
      return;
    }
    setPreparing(null);
    if (registration.onchainId) {
      onRegistered(registration.onchainId);
      return;
    }
    const { metadataHash, metadataURI, license } = registration.call;
    const receipt = await write.send(registration.registry, {
      functionName: "createDatanet",
      args: [metadataHash, metadataURI, license],
    });
    if (receipt) await save(receipt.transactionHash);
  };

  const save = async (txHash: string) => {
    setRecord({ step: "running" });
    try {
      const saved = await recordTransaction<{ onchainId: string }>(url, txHash);
      setRecord({ step: "done" });
      onRegistered(saved.onchainId);
    } catch (error) {
      setRecord({ step: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const busy = write.busy || record.step === "running" || preparing === "";
  const minedHash = write.phase.step === "confirmed" ? write.phase.hash : undefined;
  return (
    <div className="grid gap-3">
      <p className="text-muted-foreground text-sm">
        Versions live in the DatanetRegistry contract. Register this Datanet once: your wallet sends one transaction
        naming its metadata and licence, and the chain gives it an id.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={register} disabled={busy}>
          {busy ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Link2 aria-hidden="true" />}
          Register on-chain
        </Button>
        {record.step === "failed" && minedHash ? (
          <Button variant="outline" onClick={() => save(minedHash)}>
            Record it again
          </Button>
        ) : null}
      </div>
      {preparing ? (
        <p role="alert" className="text-destructive text-sm">
          Could not prepare the registration: {preparing}
        </p>
      ) : null}
      <TxSteps phase={write.phase} record={record} label="Registration" />
    </div>
  );
}
