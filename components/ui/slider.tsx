"use client";

import { Slider as SliderPrimitive } from "radix-ui";
import { type ComponentProps, useMemo } from "react";
import { cn } from "@/lib/utils/cn";

type SliderProps = ComponentProps<typeof SliderPrimitive.Root> & {
  /** Accessible names for the thumbs, one per value (e.g. ["Minimum", "Maximum"]). */
  thumbLabels?: string[];
};

/** One thumb per value; pass `aria-label` / `aria-labelledby` or `thumbLabels` to name them. */
export function Slider({
  className,
  defaultValue,
  value,
  min = 0,
  max = 100,
  thumbLabels,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledBy,
  ...props
}: SliderProps) {
  const count = useMemo(
    () => (Array.isArray(value) ? value.length : Array.isArray(defaultValue) ? defaultValue.length : 1),
    [value, defaultValue],
  );
  return (
    <SliderPrimitive.Root
      data-slot="slider"
      defaultValue={defaultValue}
      value={value}
      min={min}
      max={max}
      className={cn(
        "relative flex w-full touch-none select-none items-center data-disabled:opacity-50 data-[orientation=vertical]:h-full data-[orientation=vertical]:min-h-40 data-[orientation=vertical]:w-auto data-[orientation=vertical]:flex-col",
        className,
      )}
      {...props}
    >
      <SliderPrimitive.Track
        data-slot="slider-track"
        className="relative grow overflow-hidden rounded-full bg-muted data-[orientation=horizontal]:h-1.5 data-[orientation=vertical]:w-1.5 dark:bg-input"
      >
        <SliderPrimitive.Range
          data-slot="slider-range"
          className="absolute bg-primary data-[orientation=horizontal]:h-full data-[orientation=vertical]:w-full"
        />
      </SliderPrimitive.Track>
      {Array.from({ length: count }, (_, index) => (
        <SliderPrimitive.Thumb
          // Thumbs are positional: their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          data-slot="slider-thumb"
          aria-label={thumbLabels?.[index] ?? ariaLabel}
          aria-labelledby={thumbLabels?.[index] ? undefined : ariaLabelledBy}
          className="block size-4 shrink-0 cursor-grab rounded-full border border-primary bg-background shadow-sm outline-none transition-[box-shadow] hover:ring-4 hover:ring-ring/30 focus-visible:ring-4 focus-visible:ring-ring/40 active:cursor-grabbing data-disabled:pointer-events-none"
        />
      ))}
    </SliderPrimitive.Root>
  );
}
