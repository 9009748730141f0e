"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { GitCommitVertical } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/components/wallet/session-context";
import { datanetApi, fetchJson } from "./api-client";
import { PublishPanel } from "./publish-panel";
import type { VersionsDatanet, VersionsResponse } from "./types";
import { VersionEntry } from "./version-entry";

/** The Versions tab's content: the owner's publish panel and the timeline of published versions. */
export function VersionsView({ datanet }: { datanet: VersionsDatanet }) {
  const { session } = useSession();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [registeredId, setRegisteredId] = useState<string | null>(null);
  const onchainId = datanet.onchainId ?? registeredId;
  const isOwner = !!session.address && session.address.toLowerCase() === datanet.ownerAddress.toLowerCase();
  const queryKey = ["datanet-versions", datanet.id];
  const query = useQuery({
    queryKey,
    queryFn: () => fetchJson<VersionsResponse>(datanetApi(datanet.id, "versions")),
  });
  // The panel reads the counts with the versions, from one response: after a publish both change together. The
  // server-rendered ones (the same numbers, read with the page) stand in until the first answer.
  const stats = query.data?.stats ?? {
    acceptedRows: datanet.acceptedRows,
    unpublishedChanges: datanet.unpublishedChanges,
  };
  const confirmed = (query.data?.versions ?? []).filter((v) => v.status === "confirmed");
  const nextNumber = (query.data ? (confirmed[0]?.number ?? 0) : datanet.publishedVersions) + 1;

  return (
    <section aria-label="Versions" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
      <div className="order-2 grid gap-4 lg:order-1">
        <h2 className="font-semibold text-lg tracking-tight">Published versions</h2>
        {query.isPending ? (
          <Skeleton className="h-48 w-full" role="status" aria-label="Loading versions" />
        ) : query.isError ? (
          <p role="alert" className="text-destructive text-sm">
            Could not load the versions: {query.error.message}
          </p>
        ) : confirmed.length === 0 ? (
          <EmptyState
            icon={GitCommitVertical}
            title="No versions yet"
            description={
              isOwner
                ? "Publish the accepted rows as version 1: an immutable snapshot with its Merkle root on-chain."
                : "When the owner publishes one, it appears here with its Merkle root, on-chain record and downloads."
            }
          />
        ) : (
          <ol className="relative grid before:absolute before:top-2 before:bottom-2 before:left-[9px] before:w-px before:bg-border">
            {confirmed.map((version, index) => (
              <VersionEntry
                key={version.id}
                datanet={{ ...datanet, onchainId }}
                version={version}
                latest={index === 0}
                viewer={session.authenticated ? session.address : undefined}
              />
            ))}
          </ol>
        )}
      </div>
      {isOwner ? (
        <div className="order-1 lg:sticky lg:top-20 lg:order-2">
          <PublishPanel
            datanetId={datanet.id}
            onchainId={onchainId}
            nextNumber={nextNumber}
            acceptedRows={stats.acceptedRows}
            unpublishedChanges={stats.unpublishedChanges}
            onRegistered={(id) => {
              setRegisteredId(id);
              router.refresh();
            }}
            onPublished={() => {
              void queryClient.invalidateQueries({ queryKey });
              router.refresh();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
