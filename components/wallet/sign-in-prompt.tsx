"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Wallet } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown instead of a page or form that needs a signed-in wallet: what to sign in for, and why it is the wallet's. */
export function SignInPrompt({ action, why }: { action: string; why: string }) {
  const { openConnectModal } = useConnectModal();
  return (
    <EmptyState
      icon={Wallet}
      title={`Sign in to ${action}`}
      description={`${why} Signing in costs nothing and sends no transaction.`}
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
