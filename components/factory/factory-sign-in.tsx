"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Wallet } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown instead of ModelFactory pages that need a signed-in wallet. */
export function FactorySignIn({ action }: { action: string }) {
  const { openConnectModal } = useConnectModal();
  return (
    <EmptyState
      icon={Wallet}
      title={`Sign in to ${action}`}
      description="Training runs belong to the wallet that launches them: only you see their progress, and later publish the model. Signing in costs nothing and sends no transaction."
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
