"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Rows3, SearchX } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
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
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // ?row=<id>: one row, whatever its status (a quality report links a duplicate's twin here).
  const row = /^\d{1,19}$/.test(searchParams.get("row") ?? "") ? (searchParams.get("row") as string) : null;
  const showAllRows = () => {
    const next = new URLSearchParams(searchParams.toString());
    next.delete("row");
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  };
  const q = useDebounced(search.trim(), 300);
  const params: Record<string, string> = row
    ? { row, status: "all", page: "1", pageSize: "1" }
    : { q, status, page: String(page), pageSize: String(PAGE_SIZE) };
  const query = useQuery({
    queryKey: ["datanet-rows", datanet.id, params],
    queryFn: () => fetchJson<RowsPage>(`${datanetApi(datanet.id, "rows")}?${new URLSearchParams(params)}`),
    placeholderData: keepPreviousData,
  });
  const pageCount = query.data ? Math.max(1, Math.ceil(query.data.total / PAGE_SIZE)) : 1;
  const filtered = q !== "" || status !== "accepted";

  if (row) {
    return (
      <section aria-label="Rows" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm">
          <span>
            Showing row <span className="font-mono">#{row}</span>, linked from a quality report.
          </span>
          <Button variant="outline" size="sm" onClick={showAllRows}>
            Show all rows
          </Button>
        </div>
        {query.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : query.isError ? (
          <p role="alert" className="text-destructive text-sm">
            Could not load the row: {query.error.message}
          </p>
        ) : query.data.items.length === 0 ? (
          <EmptyState
            icon={SearchX}
            title="No such row here"
            description={`Row #${row} is not in this Datanet, or its contribution was rejected and removed from view.`}
            actions={
              <Button variant="outline" onClick={showAllRows}>
                Show all rows
              </Button>
            }
          />
        ) : (
          <RowsTable slug={datanet.slug} kind={datanet.kind} rows={query.data.items} />
        )}
      </section>
    );
  }

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
