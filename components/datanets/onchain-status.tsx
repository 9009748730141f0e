import { Link2, Link2Off } from "lucide-react";
import { CopyButton } from "@/components/debug/copy-button";
import { ExplorerLink } from "@/components/debug/explorer-link";
import { shortAddress } from "./format";

/** Whether the Datanet is registered in the DatanetRegistry contract, with the registering transaction. */
export function OnchainStatus({ onchainId, txHash }: { onchainId: string | null; txHash: string | null }) {
  if (onchainId === null) {
    return (
      <p className="flex items-center gap-1.5 text-muted-foreground text-sm">
        <Link2Off className="size-4" aria-hidden="true" />
        Not on-chain yet
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-1.5 text-sm">
      <Link2 className="size-4 text-primary" aria-hidden="true" />
      <span className="font-medium">Registered #{onchainId}</span>
      {txHash ? (
        <>
          <span className="text-muted-foreground">in tx</span>
          <span className="font-mono text-muted-foreground text-xs" title={txHash}>
            {shortAddress(txHash)}
          </span>
          <CopyButton value={txHash} label="Copy the transaction hash" />
          <ExplorerLink kind="tx" value={txHash} />
        </>
      ) : null}
    </div>
  );
}
