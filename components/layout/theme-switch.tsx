"use client";

import { useTheme } from "next-themes";
import { ToggleGroup } from "radix-ui";
import { themeOptions } from "./theme-options";

/** An inline light/dark/system switch, for the mobile menu where a dropdown would nest awkwardly. */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  return (
    <ToggleGroup.Root
      type="single"
      value={theme}
      onValueChange={(value) => value && setTheme(value)}
      aria-label="Theme"
      className="grid grid-cols-3 gap-1 rounded-lg border bg-muted/60 p-1"
    >
      {themeOptions.map(({ value, label, icon: Icon }) => (
        <ToggleGroup.Item
          key={value}
          value={value}
          className="inline-flex h-8 items-center justify-center gap-1.5 rounded-md font-medium text-muted-foreground text-xs transition-colors hover:text-foreground data-[state=on]:bg-background data-[state=on]:text-foreground data-[state=on]:shadow-sm"
        >
          <Icon className="size-3.5" aria-hidden="true" />
          {label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
