import { ShieldOff } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { ReviewQueueJson } from "./types";

/** Why this account cannot review here, and what would change it. */
export function EligibilityNotice({
  eligibility,
}: {
  eligibility: Exclude<ReviewQueueJson["eligibility"], { ok: true }>;
}) {
  return (
    <div className="flex gap-3 rounded-xl border border-dashed bg-card/60 p-4" role="note">
      <ShieldOff className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
      <div className="grid gap-1.5 text-sm">
        <p className="font-medium">
          {eligibility.reason === "not_invited"
            ? "You are not invited to review this Datanet"
            : "You hold no reviewer stake"}
        </p>
        <p className="text-muted-foreground">
          {eligibility.reason === "not_invited"
            ? "Its owner chose the reviewers: only the addresses they invited review contributions. Ask the owner to invite your address."
            : "Anyone who stakes the minimum amount of OPEN in the Staking contract may review here. Stake OPEN, then come back."}
        </p>
        {eligibility.reason === "not_staker" ? (
          <Button asChild variant="outline" size="sm" className="justify-self-start">
            <Link href="/debug?contract=Staking">Stake OPEN</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
