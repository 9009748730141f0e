import { ChevronLeftIcon, ChevronRightIcon, MoreHorizontalIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

/** The pages to show around `page` (1-based), with "gap" where a run of pages is skipped. */
export function paginationRange(page: number, pageCount: number, siblings = 1): Array<number | "gap"> {
  const first = Math.max(2, page - siblings);
  const last = Math.min(pageCount - 1, page + siblings);
  const range: Array<number | "gap"> = [1];
  if (first > 2) range.push(first === 3 ? 2 : "gap");
  for (let p = first; p <= last; p++) range.push(p);
  if (last < pageCount - 1) range.push(last === pageCount - 2 ? pageCount - 1 : "gap");
  if (pageCount > 1) range.push(pageCount);
  return range;
}

type PaginationProps = {
  /** The current page, 1-based. */
  page: number;
  pageCount: number;
  /** Renders links (server-friendly, e.g. `(p) => "?page=" + p`)… */
  hrefForPage?: (page: number) => string;
  /** …or buttons, for client state. One of the two. */
  onPageChange?: (page: number) => void;
  siblings?: number;
  /** Names the navigation landmark; "Pagination" by default. */
  label?: string;
  className?: string;
};

/** Previous / next and page numbers; on narrow screens the numbers fold into "Page 2 of 9". */
export function Pagination({
  page,
  pageCount,
  hrefForPage,
  onPageChange,
  siblings = 1,
  label = "Pagination",
  className,
}: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);

  function control(
    target: number,
    children: ReactNode,
    props: { ariaLabel?: string; isCurrent?: boolean; wide?: boolean },
  ) {
    const disabled = target < 1 || target > pageCount;
    const classes = cn(
      buttonVariants({ variant: props.isCurrent ? "outline" : "ghost", size: props.wide ? "default" : "icon" }),
      props.wide && "px-2.5",
      props.isCurrent && "pointer-events-none border-primary/40 text-primary",
    );
    if (disabled) {
      return (
        <button type="button" disabled aria-label={props.ariaLabel} className={classes}>
          {children}
        </button>
      );
    }
    if (hrefForPage) {
      return (
        <Link
          href={hrefForPage(target)}
          aria-label={props.ariaLabel}
          aria-current={props.isCurrent ? "page" : undefined}
          className={classes}
        >
          {children}
        </Link>
      );
    }
    return (
      <button
        type="button"
        onClick={() => onPageChange?.(target)}
        aria-label={props.ariaLabel}
        aria-current={props.isCurrent ? "page" : undefined}
        className={classes}
      >
        {children}
      </button>
    );
  }

  return (
    <nav data-slot="pagination" aria-label={label} className={cn("flex items-center justify-center", className)}>
      <ul className="flex items-center gap-1">
        <li>
          {control(
            current - 1,
            <>
              <ChevronLeftIcon aria-hidden="true" />
              <span className="hidden sm:inline">Previous</span>
            </>,
            { ariaLabel: "Previous page", wide: true },
          )}
        </li>
        <li className="px-2 text-muted-foreground text-sm sm:hidden">
          Page {current} of {pageCount}
        </li>
        {paginationRange(current, pageCount, siblings).map((item, index) =>
          item === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: at most two gaps, told apart by position
            <li key={`gap-${index}`} className="hidden sm:block" aria-hidden="true">
              <span className="flex size-9 items-center justify-center text-muted-foreground">
                <MoreHorizontalIcon className="size-4" />
              </span>
            </li>
          ) : (
            <li key={item} className="hidden sm:block">
              {control(item, item, { ariaLabel: `Page ${item}`, isCurrent: item === current })}
            </li>
          ),
        )}
        <li>
          {control(
            current + 1,
            <>
              <span className="hidden sm:inline">Next</span>
              <ChevronRightIcon aria-hidden="true" />
            </>,
            { ariaLabel: "Next page", wide: true },
          )}
        </li>
      </ul>
    </nav>
  );
}
