"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import { Wallet } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { KIND_INFO } from "../kind-info";

/** The Contribute tab for a visitor who is not signed in. */
export function ContributeSignIn({ datanetName, kind }: { datanetName: string; kind: DatanetKind }) {
  const { openConnectModal } = useConnectModal();
  return (
    <EmptyState
      icon={Wallet}
      title="Sign in to contribute"
      description={`Contributions to ${datanetName} are signed by your wallet, so the rows you add stay yours and earn you a share when models trained on them are used. Signing in costs nothing and sends no transaction.`}
      capabilities={[
        kind === "text"
          ? "Drop text, Markdown, code, CSV, JSONL, PDF or Word files"
          : `Drop CSV, TSV, JSON or JSONL files with ${KIND_INFO[kind].schema} columns`,
        "See every duplicate, PII finding and bad line before sending",
        "Map columns and redact personal data",
        "Sign the contribution with your wallet",
      ]}
      actions={
        <Button onClick={openConnectModal} disabled={!openConnectModal}>
          <Wallet aria-hidden="true" />
          Connect and sign in
        </Button>
      }
    />
  );
}
