import { Coins, Cpu, GitCommitVertical } from "lucide-react";
import Link from "next/link";
import { shortAddress } from "@/components/datanets/format";
import { Badge } from "@/components/ui/badge";
import type { ModelSummary } from "@/lib/factory/models/read";
import { formatPrice } from "./format";

/** One model in the list; the card links to its page, the lineage to the Datanet versions it learned from. */
export function ModelListCard({ model }: { model: ModelSummary }) {
  return (
    <article
      className="group relative flex flex-col gap-4 rounded-xl border bg-card p-5 text-card-foreground shadow-xs transition-[border-color,box-shadow] focus-within:ring-[3px] focus-within:ring-ring/40 hover:border-primary/40 hover:shadow-sm"
      data-testid="model-card"
    >
      <div className="flex flex-col gap-2">
        <div className="flex items-start justify-between gap-2">
          <h2 className="min-w-0 break-words font-semibold text-lg leading-snug tracking-tight">
            <Link
              href={`/models/${model.id}`}
              className="outline-none after:absolute after:inset-0 after:rounded-xl group-hover:text-primary"
            >
              {model.name}
            </Link>
          </h2>
          {model.status === "draft" ? (
            <Badge variant="outline">Draft</Badge>
          ) : (
            <Badge variant="accent">#{model.onchainId}</Badge>
          )}
        </div>
        <p className="text-muted-foreground text-sm">
          by <span className="font-mono">{model.mine ? "you" : shortAddress(model.owner)}</span>
        </p>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Model facts">
        <li className="flex items-center gap-1.5">
          <Cpu className="size-3.5 text-muted-foreground" aria-hidden="true" />
          <span className="font-mono text-xs">{model.baseModel}</span>
        </li>
        <li className="flex items-center gap-1.5">
          <Coins className="size-3.5 text-muted-foreground" aria-hidden="true" />
          <span className="tabular-nums">{formatPrice(model.pricePer1k)}</span>
          <span className="text-muted-foreground">/ 1k tokens</span>
        </li>
      </ul>
      <div className="mt-auto grid gap-1.5 border-t pt-3 text-sm">
        <p className="text-muted-foreground text-xs">Trained on</p>
        <ul className="flex flex-wrap gap-1.5" aria-label="Lineage">
          {model.lineage.map((entry) => (
            <li key={`${entry.datanetSlug}@${entry.version}`}>
              <Link
                href={`/datanets/${entry.datanetSlug}/versions/${entry.version}`}
                className="relative z-10 inline-flex items-center gap-1 rounded-md bg-muted px-1.5 py-0.5 text-xs hover:text-primary hover:underline"
              >
                <GitCommitVertical className="size-3" aria-hidden="true" />
                {entry.datanetName} · v{entry.version}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
