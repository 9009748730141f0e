"use client";

import { useCallback } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { DATANET_KINDS } from "@/lib/datanets/kinds";
import { DatanetSearchBox } from "./datanet-search-box";
import { FacetChips } from "./facet-chips";
import { KIND_INFO } from "./kind-info";
import { useListParams } from "./use-list-params";

const ANY_KIND = "any";

const SORTS = [
  { value: "newest", label: "Newest first" },
  { value: "rows", label: "Most rows" },
  { value: "contributors", label: "Most contributors" },
  { value: "name", label: "Name (A–Z)" },
] as const;

type DatanetFiltersProps = {
  tags: { tag: string; count: number }[];
  domains: { domain: string; count: number }[];
};

/** Search, kind, sort, tag and domain filters of the Datanet list, kept in the URL. */
export function DatanetFilters({ tags, domains }: DatanetFiltersProps) {
  const { searchParams, setParams, pending } = useListParams();
  const onSearch = useCallback((q: string) => setParams({ q }), [setParams]);
  const kind = searchParams.get("kind") ?? ANY_KIND;
  const sort = searchParams.get("sort") ?? "newest";

  return (
    <search aria-label="Filter Datanets" className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <DatanetSearchBox value={searchParams.get("q") ?? ""} onSearch={onSearch} pending={pending} />
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <Select value={kind} onValueChange={(value) => setParams({ kind: value === ANY_KIND ? null : value })}>
            <SelectTrigger aria-label="Kind" className="sm:w-48">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY_KIND}>Any kind</SelectItem>
              {DATANET_KINDS.map((k) => (
                <SelectItem key={k} value={k}>
                  {KIND_INFO[k].label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Select value={sort} onValueChange={(value) => setParams({ sort: value === "newest" ? null : value })}>
            <SelectTrigger aria-label="Sort by" className="sm:w-48">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {SORTS.map((s) => (
                <SelectItem key={s.value} value={s.value}>
                  {s.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      <FacetChips
        label="Tags"
        prefix="#"
        options={tags.map((t) => ({ value: t.tag, count: t.count }))}
        selected={searchParams.get("tag") ?? undefined}
        onSelect={(tag) => setParams({ tag })}
      />
      <FacetChips
        label="Domains"
        options={domains.map((d) => ({ value: d.domain, count: d.count }))}
        selected={searchParams.get("domain") ?? undefined}
        onSelect={(domain) => setParams({ domain })}
        limit={8}
      />
    </search>
  );
}
