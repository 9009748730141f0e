import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** The look every text-like control shares: border, focus ring, invalid and disabled states. */
export const controlClassName =
  "w-full min-w-0 rounded-lg border border-input bg-background text-sm shadow-xs outline-none transition-[border-color,box-shadow] placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:bg-input/20";

export function Input({ className, type, ...props }: ComponentProps<"input">) {
  return (
    <input
      data-slot="input"
      type={type ?? "text"}
      className={cn(
        controlClassName,
        "h-9 px-3 file:mr-3 file:h-7 file:border-0 file:bg-transparent file:font-medium file:text-foreground file:text-sm",
        className,
      )}
      {...props}
    />
  );
}
