"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { Progress as ProgressPrimitive } from "radix-ui";
import type { ComponentProps, CSSProperties } from "react";
import { cn } from "@/lib/utils/cn";

const progressVariants = cva("relative w-full overflow-hidden rounded-full bg-muted dark:bg-input/60", {
  variants: { size: { sm: "h-1.5", default: "h-2.5" } },
  defaultVariants: { size: "default" },
});

/** Diagonal stripes that `animate-flow-x` slides by one 12 px tile: a seamless "still working" motion. */
const stripes: CSSProperties = {
  backgroundImage:
    "linear-gradient(45deg, color-mix(in oklab, var(--primary-foreground) 35%, transparent) 25%, transparent 25%, transparent 50%, color-mix(in oklab, var(--primary-foreground) 35%, transparent) 50%, color-mix(in oklab, var(--primary-foreground) 35%, transparent) 75%, transparent 75%, transparent)",
  backgroundSize: "12px 12px",
};

type ProgressProps = Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value"> &
  VariantProps<typeof progressVariants> & {
    /** 0…max; `null` (or `indeterminate`) shows an animated full bar for work of unknown length. */
    value?: number | null;
    indeterminate?: boolean;
  };

/** Give it an `aria-label` (or `aria-labelledby`) naming what is progressing. */
export function Progress({ className, value, max = 100, size, indeterminate, ...props }: ProgressProps) {
  const unknown = indeterminate === true || value === null || value === undefined;
  const percent = unknown ? 100 : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={unknown ? null : value}
      max={max}
      className={cn(progressVariants({ size }), className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "h-full w-full flex-1 rounded-full bg-primary transition-transform duration-300 motion-reduce:transition-none",
          unknown && "animate-flow-x motion-reduce:animate-none",
        )}
        style={{ transform: `translateX(-${100 - percent}%)`, ...(unknown ? stripes : null) }}
      />
    </ProgressPrimitive.Root>
  );
}
