import { CopyButton } from "@/components/debug/copy-button";
import { Badge } from "@/components/ui/badge";
import { AddressAvatar } from "@/components/wallet/address-avatar";
import { shortAddress } from "./format";

/** The owner's avatar and address, and "you" when the viewer owns it. */
export function DatanetOwner({ address, isViewer }: { address: string; isViewer: boolean }) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <AddressAvatar address={address} size={20} />
      <span className="text-muted-foreground">Owned by</span>
      <span className="font-mono text-xs" title={address}>
        {shortAddress(address)}
      </span>
      {isViewer ? <Badge variant="accent">you</Badge> : null}
      <CopyButton value={address} label="Copy the owner's address" />
    </div>
  );
}
