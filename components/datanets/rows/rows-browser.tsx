"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Rows3, SearchX } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { plural } from "../format";
import { datanetApi, fetchJson } from "../versions/api-client";
import { RowsTable } from "./rows-table";
import { RowsToolbar } from "./rows-toolbar";
import type { RowStatusFilter, RowsPage } from "./types";
import { useDebounced } from "./use-debounced";

const PAGE_SIZE = 20;

/** The Rows tab's content: search (debounced), status filter, the table and its pages. */
export function RowsBrowser({ datanet }: { datanet: { id: string; slug: string; kind: DatanetKind } }) {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<RowStatusFilter>("accepted");
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim(), 300);
  const query = useQuery({
    queryKey: ["datanet-rows", datanet.id, q, status, page],
    queryFn: () =>
      fetchJson<RowsPage>(
        `${datanetApi(datanet.id, "rows")}?${new URLSearchParams({ q, status, page: String(page), pageSize: String(PAGE_SIZE) })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const pageCount = query.data ? Math.max(1, Math.ceil(query.data.total / PAGE_SIZE)) : 1;
  const filtered = q !== "" || status !== "accepted";

  return (
    <section aria-label="Rows" className="grid gap-4">
      <RowsToolbar
        search={search}
        onSearch={(value) => {
          setSearch(value);
          setPage(1);
        }}
        status={status}
        onStatus={(value) => {
          setStatus(value);
          setPage(1);
        }}
        fetching={query.isFetching}
      />
      {query.isPending ? (
        <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading rows">
          {Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <p
          role="alert"
          className="rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-destructive text-sm"
        >
          Could not load the rows: {query.error.message}
        </p>
      ) : query.data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title="No rows match"
            description={q ? `Nothing in these rows contains “${q}”.` : "No rows have this status."}
            actions={
              <Button
                variant="outline"
                onClick={() => {
                  setSearch("");
                  setStatus("accepted");
                  setPage(1);
                }}
              >
                Clear the search
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Rows3}
            title="No accepted rows yet"
            description="Rows appear here once reviewers accept a contribution. Pending rows are under “Pending review”."
            actions={
              <Button variant="outline" onClick={() => setStatus("pending")}>
                Show pending rows
              </Button>
            }
          />
        )
      ) : (
        <>
          <p className="text-muted-foreground text-sm" aria-live="polite">
            {plural(query.data.total, "row")}
            {q ? ` matching “${q}”` : ""}
            {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
          </p>
          <RowsTable slug={datanet.slug} kind={datanet.kind} rows={query.data.items} />
          <Pagination page={page} pageCount={pageCount} onPageChange={setPage} label="Rows pages" />
        </>
      )}
    </section>
  );
}
