"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Wallet } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useSession } from "@/components/wallet/session-context";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { AgreementCard } from "./agreement-card";
import { MyContributions } from "./my-contributions";
import { ReviewQueue } from "./review-queue";

type ReviewViewProps = {
  datanet: { id: string; slug: string; kind: DatanetKind };
  /** One line on the Datanet's review rules. */
  rules: string;
};

/** The Review tab's content: the reviewer's queue, the contributor's own contributions, and agreement. */
export function ReviewView({ datanet, rules }: ReviewViewProps) {
  const { status, session } = useSession();
  const { openConnectModal } = useConnectModal();
  const signedIn = status === "authenticated" && session.authenticated;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <div className="grid min-w-0 gap-8">
        {signedIn ? (
          <>
            <ReviewQueue datanet={datanet} />
            <MyContributions datanetId={datanet.id} />
          </>
        ) : (
          <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed bg-card/60 p-5">
            <p className="font-medium">Sign in to review or to follow your contributions</p>
            <p className="text-muted-foreground text-sm">
              Reviewers see a queue of contributions waiting for a decision; contributors see the decisions on theirs
              and the reviewers’ reasons.
            </p>
            <Button onClick={openConnectModal} disabled={!openConnectModal}>
              <Wallet aria-hidden="true" />
              Connect and sign in
            </Button>
          </div>
        )}
      </div>
      <aside className="grid gap-3 lg:sticky lg:top-20">
        <AgreementCard datanetId={datanet.id} />
        <p className="px-1 text-muted-foreground text-xs">{rules}</p>
      </aside>
    </div>
  );
}
