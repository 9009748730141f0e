"use client";

import { useState } from "react";
import type { AbiParameter } from "viem";
import { Badge } from "@/components/ui/badge";
import { type DisplayValue, describeValue, formatTokenAmount, resultEntries } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import { AddressValue } from "./address-value";
import { CopyButton } from "./copy-button";

/** Every output of a call, each formatted by its type; outputs are labelled when there are several. */
export function ResultValues({
  outputs,
  result,
  context,
}: {
  outputs: readonly AbiParameter[];
  result: unknown;
  /** The function's name, which helps name role ids. */
  context?: string;
}) {
  const entries = resultEntries(outputs, result);
  if (entries.length === 0) return <span className="text-muted-foreground text-sm">No return value</span>;
  if (entries.length === 1) {
    const entry = entries[0] as (typeof entries)[number];
    return <ValueView display={describeValue(entry.param, entry.value, context)} />;
  }
  return (
    <dl className="grid gap-1.5">
      {entries.map((entry) => (
        <div key={entry.label} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
          <dt className="font-mono text-muted-foreground text-xs">{entry.label}</dt>
          <dd className="min-w-0">
            <ValueView display={describeValue(entry.param, entry.value, context)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One value: numbers with a token-amount toggle, addresses shortened, hex in full, JSON pretty-printed. */
export function ValueView({ display }: { display: DisplayValue }) {
  switch (display.kind) {
    case "integer":
      return <IntegerValue type={display.type} value={display.value} />;
    case "address":
      return <AddressValue address={display.value} />;
    case "bool":
      return (
        <Badge variant={display.value ? "accent" : "secondary"} className="font-mono">
          {String(display.value)}
        </Badge>
      );
    case "hex":
      return (
        // Inline flow: on a narrow screen the hex wraps and the badge and copy button follow its last line.
        <span className="min-w-0 break-all font-mono text-[13px]">
          {display.value}
          {display.role ? (
            <Badge variant="outline" className="ml-1.5 inline-flex align-middle font-mono text-[11px]">
              {display.role}
            </Badge>
          ) : null}
          {display.value.length > 12 ? (
            <CopyButton value={display.value} label="Copy value" className="ml-0.5 inline-flex align-middle" />
          ) : null}
        </span>
      );
    case "string":
      return display.value === "" ? (
        <span className="text-muted-foreground text-sm italic">empty string</span>
      ) : (
        <span className="break-words text-sm">{display.value}</span>
      );
    case "json":
      return (
        <pre className="max-h-72 max-w-full overflow-auto rounded-md border bg-muted/50 px-3 py-2 font-mono text-xs leading-relaxed">
          {display.value}
        </pre>
      );
  }
}

/** Large unsigned integers are usually 18-decimal amounts: offer to read them as one. */
function IntegerValue({ type, value }: { type: string; value: bigint }) {
  const [asToken, setAsToken] = useState(false);
  const amountLike = (type === "uint256" || type === "int256") && (value >= 10n ** 9n || value <= -(10n ** 9n));
  return (
    <span className="inline-flex min-w-0 max-w-full flex-wrap items-center gap-x-1.5 gap-y-1">
      <span className={cn("min-w-0 break-all font-mono text-[13px] tabular-nums", asToken && "font-sans font-medium")}>
        {asToken ? formatTokenAmount(value) : value.toString()}
      </span>
      {asToken ? <span className="text-muted-foreground text-xs">tokens (÷ 10¹⁸)</span> : null}
      {amountLike ? (
        <button
          type="button"
          aria-pressed={asToken}
          aria-label="Show as an 18-decimals token amount"
          title="Show as an 18-decimals token amount"
          onClick={() => setAsToken((current) => !current)}
          className="rounded-md border px-1.5 py-0.5 font-medium text-[11px] text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground aria-pressed:border-primary/30 aria-pressed:bg-accent aria-pressed:text-accent-foreground"
        >
          as token
        </button>
      ) : null}
    </span>
  );
}
