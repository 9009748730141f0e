"use client";

import { FileKey2, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { datanetApi, fetchJson } from "./api-client";

/** Downloads the signed-in contributor's Merkle proofs for their rows in a version, as JSON. */
export function ProofsButton({
  datanetId,
  slug,
  number,
  address,
}: {
  datanetId: string;
  slug: string;
  number: number;
  address: string;
}) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const url = `${datanetApi(datanetId, "versions", number, "proofs")}?contributor=${address}`;
      const body = await fetchJson<{ proofs: unknown[] }>(url);
      if (body.proofs.length === 0) {
        toast.info(`You have no rows in version ${number}.`);
        return;
      }
      const blob = new Blob([JSON.stringify(body, null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${slug}-v${number}-proofs.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      toast.success(
        `Downloaded ${body.proofs.length} proof${body.proofs.length === 1 ? "" : "s"} for version ${number}.`,
      );
    } catch (error) {
      toast.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outline" size="sm" onClick={download} disabled={busy}>
      {busy ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <FileKey2 aria-hidden="true" />}
      My proofs
    </Button>
  );
}
