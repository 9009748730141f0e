"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Wallet } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown instead of a form that needs a signed-in wallet. */
export function SignInPrompt({ action }: { action: string }) {
  const { openConnectModal } = useConnectModal();
  return (
    <EmptyState
      icon={Wallet}
      title={`Sign in to ${action}`}
      description="A Datanet belongs to the wallet that creates it: its owner sets the review rules and publishes versions on-chain. Signing in costs nothing and sends no transaction."
      actions={
        <>
          <Button onClick={openConnectModal} disabled={!openConnectModal}>
            <Wallet aria-hidden="true" />
            Connect and sign in
          </Button>
          <Button asChild variant="outline">
            <Link href="/datanets">Browse Datanets</Link>
          </Button>
        </>
      }
    />
  );
}
