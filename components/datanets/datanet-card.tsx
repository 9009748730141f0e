import type { LucideIcon } from "lucide-react";
import { Clock, GitCommitVertical, Rows3, Users } from "lucide-react";
import Link from "next/link";
import type { DatanetSummary } from "@/lib/datanets/list";
import { DatanetBadges } from "./datanet-badges";
import { formatCount, plural } from "./format";

function Count({ icon: Icon, value, noun }: { icon: LucideIcon; value: number; noun: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <Icon className="size-3.5 text-muted-foreground" aria-hidden="true" />
      <span className="font-medium tabular-nums">{formatCount(value)}</span>
      <span className="text-muted-foreground">{value === 1 ? noun : `${noun}s`}</span>
    </li>
  );
}

/** One Datanet in the list; the whole card links to its page. */
export function DatanetCard({ datanet }: { datanet: DatanetSummary }) {
  return (
    <article className="group relative flex flex-col gap-4 rounded-xl border bg-card p-5 text-card-foreground shadow-xs transition-[border-color,box-shadow] focus-within:ring-[3px] focus-within:ring-ring/40 hover:border-primary/40 hover:shadow-sm">
      <div className="flex flex-col gap-2">
        <h2 className="font-semibold text-lg leading-snug tracking-tight">
          <Link
            href={`/datanets/${datanet.slug}`}
            className="outline-none after:absolute after:inset-0 after:rounded-xl group-hover:text-primary"
          >
            {datanet.name}
          </Link>
        </h2>
        <p className="line-clamp-2 text-pretty text-muted-foreground text-sm">{datanet.summary}</p>
      </div>
      <DatanetBadges
        kind={datanet.kind}
        license={datanet.license}
        domain={datanet.domain}
        visibility={datanet.visibility}
      />
      {datanet.tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {datanet.tags.map((tag) => (
            <li key={tag} className="rounded-md bg-muted px-1.5 py-0.5 text-muted-foreground text-xs">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-auto flex flex-col gap-2 border-t pt-3 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Counts">
          <Count icon={Rows3} value={datanet.rows} noun="row" />
          <Count icon={Users} value={datanet.contributors} noun="contributor" />
          <Count icon={GitCommitVertical} value={datanet.versions} noun="version" />
        </ul>
        {datanet.pendingContributions > 0 ? (
          <p className="flex items-center gap-1.5 text-amber-700 text-xs dark:text-amber-400">
            <Clock className="size-3.5" aria-hidden="true" />
            {plural(datanet.pendingContributions, "contribution")} waiting for review
          </p>
        ) : null}
      </div>
    </article>
  );
}
