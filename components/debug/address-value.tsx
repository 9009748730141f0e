"use client";

import { shortenAddress } from "@/lib/chain/abi-values";
import { CopyButton } from "./copy-button";
import { ExplorerLink } from "./explorer-link";

/** An address shortened to `0x7099…79C8`, the full one on hover, with copy and explorer buttons. */
export function AddressValue({ address }: { address: string }) {
  return (
    <span className="inline-flex items-center gap-0.5">
      <span title={address} className="font-mono text-[13px]">
        <span className="sr-only">{address}</span>
        <span aria-hidden="true">{shortenAddress(address)}</span>
      </span>
      <CopyButton value={address} label="Copy address" />
      <ExplorerLink kind="address" value={address} />
    </span>
  );
}
