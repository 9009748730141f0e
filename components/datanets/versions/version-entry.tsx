"use client";

import { Download, FileJson, GitCompare } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "@/components/debug/copy-button";
import { ExplorerLink } from "@/components/debug/explorer-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatCount, shortAddress } from "../format";
import { datanetApi } from "./api-client";
import { OnchainRoot } from "./onchain-root";
import { ProofsButton } from "./proofs-button";
import type { VersionJson, VersionsDatanet } from "./types";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** One published version on the timeline: root, counts, parent, transaction, downloads and the chain's record. */
export function VersionEntry({
  datanet,
  version,
  latest,
  viewer,
}: {
  datanet: VersionsDatanet;
  version: VersionJson;
  latest: boolean;
  viewer: string | undefined;
}) {
  const api = (...segments: string[]) => datanetApi(datanet.id, "versions", version.number, ...segments);
  return (
    <li className="relative grid gap-3 pb-8 pl-8 last:pb-0" aria-label={`Version ${version.number}`}>
      <span
        aria-hidden="true"
        className="absolute top-1 left-0 flex size-5 items-center justify-center rounded-full border-2 border-primary bg-background"
      >
        <span className="size-2 rounded-full bg-primary" />
      </span>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-lg tracking-tight">Version {version.number}</h3>
        {latest ? <Badge variant="accent">latest</Badge> : null}
        <span className="text-muted-foreground text-sm">
          {date.format(new Date(version.confirmedAt ?? version.createdAt))}
        </span>
      </div>
      {version.changelog ? (
        <p className="whitespace-pre-wrap text-pretty text-sm">{version.changelog}</p>
      ) : (
        <p className="text-muted-foreground text-sm italic">No changelog.</p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground text-xs">Rows</dt>
          <dd className="font-medium tabular-nums">{formatCount(version.rowCount)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground text-xs">Contributors</dt>
          <dd className="font-medium tabular-nums">{formatCount(version.contributorCount)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground text-xs">Parent</dt>
          <dd className="font-medium">{version.parentNumber === null ? "none" : `v${version.parentNumber}`}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground text-xs">Block</dt>
          <dd className="font-medium tabular-nums">{version.blockNumber ?? "—"}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-muted-foreground text-xs">Merkle root (app)</dt>
          <dd className="flex min-w-0 items-center gap-0.5">
            <span className="truncate font-mono text-xs" title={version.merkleRoot} data-testid="app-root">
              {shortAddress(version.merkleRoot)}
            </span>
            <CopyButton
              value={version.merkleRoot}
              label={`Copy the Merkle root of version ${version.number}`}
              className="size-6"
            />
          </dd>
        </div>
        {version.txHash ? (
          <div className="col-span-2">
            <dt className="text-muted-foreground text-xs">Transaction</dt>
            <dd className="flex min-w-0 items-center gap-0.5">
              <span className="truncate font-mono text-xs" title={version.txHash}>
                {shortAddress(version.txHash)}
              </span>
              <CopyButton value={version.txHash} label="Copy the transaction hash" className="size-6" />
              <ExplorerLink kind="tx" value={version.txHash} />
            </dd>
          </div>
        ) : null}
      </dl>
      {datanet.onchainId ? (
        <OnchainRoot onchainId={datanet.onchainId} number={version.number} appRoot={version.merkleRoot} />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline" size="sm">
          <a href={`${api("export")}?format=jsonl`} download>
            <Download aria-hidden="true" />
            JSONL
          </a>
        </Button>
        <Button asChild variant="outline" size="sm">
          <a href={`${api("export")}?format=csv`} download>
            <Download aria-hidden="true" />
            CSV
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <a href={api("manifest")} target="_blank" rel="noreferrer">
            <FileJson aria-hidden="true" />
            Manifest
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={`/datanets/${datanet.slug}/versions/${version.number}`}>
            <GitCompare aria-hidden="true" />
            {version.parentNumber === null ? "Rows" : `Diff from v${version.parentNumber}`}
          </Link>
        </Button>
        {viewer ? (
          <ProofsButton datanetId={datanet.id} slug={datanet.slug} number={version.number} address={viewer} />
        ) : null}
      </div>
    </li>
  );
}
