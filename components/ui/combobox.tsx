"use client";

import { CheckIcon, ChevronsUpDownIcon, SearchIcon } from "lucide-react";
import { Popover as PopoverPrimitive } from "radix-ui";
import {
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { cn } from "@/lib/utils/cn";

export type ComboboxOption = {
  /** What is stored, e.g. an SPDX id ("Apache-2.0"); shown in mono beside the label. */
  value: string;
  /** What people read, e.g. "Apache License 2.0". */
  label: string;
  /** Extra words that should match a search (not shown). */
  keywords?: string[];
  disabled?: boolean;
};

type ComboboxProps = Omit<ComponentProps<"button">, "value" | "defaultValue" | "onChange" | "children"> & {
  options: ComboboxOption[];
  value: string | null;
  onValueChange: (value: string | null) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: ReactNode;
  /** How many matches to render at once; the rest are reached by typing more. */
  limit?: number;
  /** Lets a second choice of the selected option clear it. */
  clearable?: boolean;
  /** Names the list for screen readers; defaults to the placeholder. */
  listLabel?: string;
};

/** Ranks matches: exact value, value prefix, label prefix, then anywhere in value, label or keywords. */
export function filterOptions(options: ComboboxOption[], query: string): ComboboxOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options;
  const scored: Array<{ option: ComboboxOption; score: number; index: number }> = [];
  options.forEach((option, index) => {
    const value = option.value.toLowerCase();
    const label = option.label.toLowerCase();
    let score = -1;
    if (value === q) score = 0;
    else if (value.startsWith(q)) score = 1;
    else if (label.startsWith(q)) score = 2;
    else if (value.includes(q) || label.includes(q)) score = 3;
    else if (option.keywords?.some((k) => k.toLowerCase().includes(q))) score = 4;
    if (score >= 0) scored.push({ option, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((s) => s.option);
}

/**
 * A searchable single-select for long lists (the ~700 SPDX licences): a button that opens a
 * popover with a search box and a capped listbox. Keyboard: ↑/↓/Home/End move, Enter picks,
 * Escape closes; typing on the closed button opens it with that letter.
 */
export function Combobox({
  options,
  value,
  onValueChange,
  placeholder = "Choose…",
  searchPlaceholder = "Search…",
  emptyText = "No matches.",
  limit = 50,
  clearable = false,
  listLabel,
  className,
  disabled,
  ...triggerProps
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const selected = useMemo(() => options.find((o) => o.value === value) ?? null, [options, value]);
  const matches = useMemo(() => {
    const found = filterOptions(options, query);
    // With no query, the current choice leads, so it is visible even beyond the cap.
    return query.trim() || !selected ? found : [selected, ...found.filter((o) => o !== selected)];
  }, [options, query, selected]);
  const shown = matches.slice(0, limit);

  function openWith(initialQuery: string) {
    setQuery(initialQuery);
    setActive(0);
    setOpen(true);
  }

  function choose(option: ComboboxOption) {
    if (option.disabled) return;
    onValueChange(clearable && option.value === value ? null : option.value);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const node = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    node?.scrollIntoView({ block: "nearest" });
  }, [active, open]);

  function onTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    triggerProps.onKeyDown?.(event);
    if (event.defaultPrevented || disabled) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openWith("");
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== " ") {
      event.preventDefault();
      openWith(event.key);
    }
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => (i >= last ? 0 : i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i <= 0 ? last : i - 1));
    } else if (event.key === "Home" && shown.length > 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === "End" && shown.length > 0) {
      event.preventDefault();
      setActive(last);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = shown[active];
      if (option) choose(option);
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <PopoverPrimitive.Root open={open} onOpenChange={(next) => (next ? openWith("") : setOpen(false))}>
      <PopoverPrimitive.Trigger asChild>
        <button
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-haspopup="listbox"
          aria-controls={open ? listId : undefined}
          data-slot="combobox-trigger"
          data-placeholder={selected ? undefined : ""}
          disabled={disabled}
          className={cn(
            "flex h-9 w-full min-w-0 cursor-pointer items-center justify-between gap-2 rounded-lg border border-input bg-background px-3 text-left text-sm shadow-xs outline-none transition-[border-color,box-shadow] focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive aria-invalid:ring-destructive/20 data-placeholder:text-muted-foreground/70 dark:bg-input/20",
            className,
          )}
          {...triggerProps}
          onKeyDown={onTriggerKeyDown}
        >
          {selected ? (
            <span className="flex min-w-0 items-center gap-2">
              <span className="truncate">{selected.label}</span>
              <span className="shrink-0 font-mono text-muted-foreground text-xs">{selected.value}</span>
            </span>
          ) : (
            <span className="truncate">{placeholder}</span>
          )}
          <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        </button>
      </PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          data-slot="combobox-content"
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            inputRef.current?.focus();
          }}
          className="z-50 w-(--radix-popover-trigger-width) min-w-[min(20rem,calc(100vw-1rem))] max-w-[calc(100vw-1rem)] overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-lg outline-none data-[state=open]:animate-pop-in"
        >
          <div className="flex items-center gap-2 border-b px-3">
            <SearchIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <input
              ref={inputRef}
              type="text"
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={shown[active] ? optionId(active) : undefined}
              aria-label={searchPlaceholder}
              autoComplete="off"
              spellCheck={false}
              placeholder={searchPlaceholder}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onSearchKeyDown}
              className="h-10 w-full min-w-0 bg-transparent text-sm outline-none placeholder:text-muted-foreground/70"
            />
          </div>
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={listLabel ?? placeholder}
            className="max-h-72 overflow-y-auto overscroll-contain p-1"
          >
            {shown.length === 0 ? (
              <div role="presentation" className="px-2 py-6 text-center text-muted-foreground text-sm">
                {emptyText}
              </div>
            ) : (
              shown.map((option, index) => {
                const isSelected = option.value === value;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: keys go to the search box, which points at the active option (aria-activedescendant)
                  <div
                    key={option.value}
                    id={optionId(index)}
                    role="option"
                    tabIndex={-1}
                    data-index={index}
                    aria-selected={isSelected}
                    aria-disabled={option.disabled || undefined}
                    data-active={index === active || undefined}
                    onMouseMove={() => setActive(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(option)}
                    className="relative flex cursor-default select-none items-center gap-2 rounded-md py-1.5 pr-8 pl-2 text-sm outline-none aria-disabled:pointer-events-none aria-disabled:opacity-50 data-active:bg-accent data-active:text-accent-foreground"
                  >
                    <span className="min-w-0 flex-1 truncate">{option.label}</span>
                    <span className="shrink-0 font-mono text-muted-foreground text-xs">{option.value}</span>
                    {isSelected ? (
                      <CheckIcon className="absolute right-2 size-4 text-primary" aria-hidden="true" />
                    ) : null}
                  </div>
                );
              })
            )}
          </div>
          {matches.length > shown.length ? (
            <p className="border-t px-3 py-2 text-muted-foreground text-xs" aria-live="polite">
              Showing {shown.length} of {matches.length}: type to narrow the list.
            </p>
          ) : null}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
