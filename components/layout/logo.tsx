import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** The brand mark: an "M" drawn through five nodes, one per step of the flow. */
export function LogoMark({ className, ...props }: ComponentProps<"svg">) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cn("size-7", className)} {...props}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M8 22 12 10l4 7.5L20 10l4 12"
        fill="none"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-primary-foreground"
      />
      <g className="fill-primary-foreground">
        <circle cx="8" cy="22" r="2.1" />
        <circle cx="12" cy="10" r="2.1" />
        <circle cx="16" cy="17.5" r="2.1" />
        <circle cx="20" cy="10" r="2.1" />
        <circle cx="24" cy="22" r="2.1" />
      </g>
    </svg>
  );
}
