import Link from "next/link";
import type { DatanetDetail } from "@/lib/datanets/get";
import { DatanetBadges } from "./datanet-badges";
import { DatanetOwner } from "./datanet-owner";
import { OnchainStatus } from "./onchain-status";

/** The top of a Datanet's page: name, summary, badges, tags, owner and on-chain status. */
export function DatanetHeader({ datanet, viewerId }: { datanet: DatanetDetail; viewerId?: string }) {
  return (
    <header className="flex flex-col gap-4 border-b pb-8">
      <DatanetBadges
        kind={datanet.kind}
        license={datanet.license}
        domain={datanet.domain}
        visibility={datanet.visibility}
        showPublic
      />
      <h1 className="text-balance font-semibold text-3xl tracking-tight sm:text-4xl">{datanet.name}</h1>
      <p className="max-w-3xl text-pretty text-muted-foreground sm:text-lg">{datanet.summary}</p>
      {datanet.tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {datanet.tags.map((tag) => (
            <li key={tag}>
              <Link
                href={`/datanets?tag=${encodeURIComponent(tag)}`}
                className="rounded-md bg-muted px-1.5 py-0.5 text-muted-foreground text-xs transition-colors hover:bg-accent hover:text-accent-foreground"
              >
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6">
        <DatanetOwner address={datanet.owner.address} isViewer={datanet.owner.id === viewerId} />
        <OnchainStatus onchainId={datanet.onchainId} txHash={datanet.registerTxHash} />
      </div>
    </header>
  );
}
