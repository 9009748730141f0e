import { Database } from "lucide-react";
import type { Metadata } from "next";
import { DatanetFilters } from "@/components/datanets/datanet-filters";
import { DatanetGrid } from "@/components/datanets/datanet-grid";
import { DatanetListEmpty } from "@/components/datanets/datanet-list-empty";
import { plural } from "@/components/datanets/format";
import { hasFilters, listHref, parseListQuery } from "@/components/datanets/list-query";
import { NewDatanetButton } from "@/components/datanets/new-datanet-button";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Pagination } from "@/components/ui/pagination";
import { datanetFacets, listDatanets } from "@/lib/datanets/list";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";

const SORT_WORDS = {
  newest: "newest first",
  rows: "most rows first",
  contributors: "most contributors first",
  name: "by name",
} as const;

export const metadata: Metadata = { title: "Datanets" };

export default async function DatanetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseListQuery(await searchParams);
  const session = await currentSession();
  const [{ items, total }, facets] = await Promise.all([
    listDatanets(db(), query, session?.userId),
    datanetFacets(db()),
  ]);
  const filtered = hasFilters(query);
  const pageCount = Math.ceil(total / query.pageSize);
  const nothingAtAll = total === 0 && !filtered;

  return (
    <PageShell>
      <PageHeader
        icon={Database}
        eyebrow="Step 1 · Curate"
        title="Datanets"
        description="Community-curated datasets, one per domain. Contributors add rows, reviewers approve them, and every accepted contribution is signed by its author's wallet, so models trained on a Datanet can credit and pay the people behind it."
        actions={<NewDatanetButton />}
      />
      <div className="flex flex-col gap-6">
        {nothingAtAll ? null : <DatanetFilters tags={facets.tags} domains={facets.domains} />}
        {nothingAtAll ? null : (
          <p className="-mb-2 text-muted-foreground text-sm" aria-live="polite">
            {filtered
              ? `${plural(total, "Datanet")} match${total === 1 ? "es" : ""} your filters.`
              : `${plural(total, "Datanet")}, ${SORT_WORDS[query.sort]}.`}
          </p>
        )}
        {items.length > 0 ? (
          <DatanetGrid datanets={items} />
        ) : (
          <DatanetListEmpty filtered={filtered || query.page > 1} />
        )}
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefForPage={(page) => listHref({ ...query, page })}
          label="Datanet pages"
        />
      </div>
    </PageShell>
  );
}
