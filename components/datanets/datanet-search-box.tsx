"use client";

import { Loader2, SearchIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

const DEBOUNCE_MS = 300;

type DatanetSearchBoxProps = {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
  pending: boolean;
};

/** The list's search box: updates the URL once typing pauses. */
export function DatanetSearchBox({ value, onSearch, pending }: DatanetSearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const sent = useRef(value);

  // The URL changed from elsewhere ("clear filters", back button): show what it says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    const q = draft.trim();
    if (q === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = q;
      onSearch(q);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, onSearch]);

  return (
    <div className="relative min-w-0 flex-1">
      <SearchIcon
        className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-3 size-4 text-muted-foreground"
        aria-hidden="true"
      />
      <Input
        type="search"
        aria-label="Search Datanets"
        placeholder="Search by name, summary or description…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="pr-9 pl-9"
        maxLength={100}
      />
      {pending ? (
        <Loader2
          className="-translate-y-1/2 absolute top-1/2 right-3 size-4 animate-spin text-muted-foreground"
          aria-label="Updating results"
        />
      ) : null}
    </div>
  );
}
