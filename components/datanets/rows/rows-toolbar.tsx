"use client";

import { Loader2, SearchIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { RowStatusFilter } from "./types";

type RowsToolbarProps = {
  search: string;
  onSearch: (value: string) => void;
  status: RowStatusFilter;
  onStatus: (value: RowStatusFilter) => void;
  fetching: boolean;
};

/** Search over the rows' fields and the status filter. */
export function RowsToolbar({ search, onSearch, status, onStatus, fetching }: RowsToolbarProps) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative min-w-0 flex-1">
        <SearchIcon
          className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-3 size-4 text-muted-foreground"
          aria-hidden="true"
        />
        <Input
          type="search"
          aria-label="Search rows"
          placeholder="Search the rows' text…"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          className="pr-9 pl-9"
          maxLength={200}
        />
        {fetching ? (
          <Loader2
            className="-translate-y-1/2 absolute top-1/2 right-3 size-4 animate-spin text-muted-foreground"
            aria-label="Updating rows"
          />
        ) : null}
      </div>
      <Select value={status} onValueChange={(value) => onStatus(value as RowStatusFilter)}>
        <SelectTrigger aria-label="Row status" className="sm:w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="accepted">Accepted rows</SelectItem>
          <SelectItem value="pending">Pending review</SelectItem>
          <SelectItem value="all">All rows</SelectItem>
        </SelectContent>
      </Select>
    </div>
  );
}
