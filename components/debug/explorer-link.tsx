"use client";

import { ExternalLink } from "lucide-react";
import { usePublicConfig } from "@/components/wallet/public-config-context";

/** A link to the configured block explorer's page for an address or transaction; nothing when none is configured. */
export function ExplorerLink({ kind, value }: { kind: "address" | "tx"; value: string }) {
  const { explorerUrl } = usePublicConfig();
  if (!explorerUrl) return null;
  const href = `${explorerUrl.replace(/\/$/, "")}/${kind}/${value}`;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      aria-label="View on the block explorer"
      title="View on the block explorer"
      className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground"
    >
      <ExternalLink className="size-3.5" aria-hidden="true" />
    </a>
  );
}
