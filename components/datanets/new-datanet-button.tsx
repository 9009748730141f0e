"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Plus, Wallet } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useSession } from "@/components/wallet/session-context";

/** "New Datanet" for a signed-in account; signed out, it says why it can't yet and offers the wallet. */
export function NewDatanetButton() {
  const { status } = useSession();
  const { openConnectModal } = useConnectModal();
  if (status === "authenticated") {
    return (
      <Button asChild>
        <Link href="/datanets/new">
          <Plus aria-hidden="true" />
          New Datanet
        </Link>
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-start gap-1.5 sm:items-end">
      <Button
        variant="outline"
        onClick={openConnectModal}
        disabled={status === "loading" || !openConnectModal}
        aria-describedby="new-datanet-hint"
      >
        <Wallet aria-hidden="true" />
        Sign in to create a Datanet
      </Button>
      <p id="new-datanet-hint" className="text-muted-foreground text-xs">
        Datanets are owned by a wallet: sign in first.
      </p>
    </div>
  );
}
