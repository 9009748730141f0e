"use client";

import { BookOpen, History, PenLine, Search } from "lucide-react";
import { Tabs } from "radix-ui";
import { type ReactNode, useMemo, useState } from "react";
import type { AbiFunction } from "viem";
import { splitFunctions } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import { ContractHeader } from "./contract-header";
import type { DebugContract } from "./contract-registry";
import { EventsList } from "./events-list";
import { inputClass } from "./field-styles";
import { ReadFunctionCard } from "./read-function-card";
import { ReadValueRow } from "./read-value-row";
import { useCanSend, WriteAccess } from "./write-access";
import { WriteFunctionCard } from "./write-function-card";

/** One contract: its header, then its functions from the ABI under Read and Write tabs. */
export function ContractPanel({ contract, blockNumber }: { contract: DebugContract; blockNumber: bigint | undefined }) {
  const { reads, writes } = useMemo(() => splitFunctions(contract.abi ?? []), [contract.abi]);
  const [filter, setFilter] = useState("");
  const canSend = useCanSend();
  const matches = (fn: AbiFunction) => fn.name.toLowerCase().includes(filter.trim().toLowerCase());
  const values = reads.filter((fn) => fn.inputs.length === 0 && matches(fn));
  const queries = reads.filter((fn) => fn.inputs.length > 0 && matches(fn));
  const shownWrites = writes.filter(matches);

  return (
    <div className="grid min-w-0 content-start gap-6">
      <ContractHeader
        contract={contract}
        counts={{ reads: reads.length, writes: writes.length }}
        blockNumber={blockNumber}
      />
      {!contract.abi ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-muted-foreground text-sm">
          No ABI for {contract.abiName} in lib/chain/abis.generated.ts. Run{" "}
          <code className="font-mono text-foreground">npm run contracts:build</code> to generate it.
        </p>
      ) : (
        <Tabs.Root defaultValue="read" className="grid min-w-0 gap-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <Tabs.List aria-label="Functions" className="inline-flex w-fit gap-1 rounded-lg border bg-muted/60 p-1">
              <TabTrigger value="read" icon={<BookOpen aria-hidden="true" />} label="Read" count={reads.length} />
              <TabTrigger value="write" icon={<PenLine aria-hidden="true" />} label="Write" count={writes.length} />
              <TabTrigger value="events" icon={<History aria-hidden="true" />} label="Events" />
            </Tabs.List>
            <div className="relative sm:w-64">
              <Search
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
                aria-hidden="true"
              />
              <input
                type="search"
                aria-label="Filter functions"
                placeholder="Filter functions"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                className={cn(inputClass, "pl-9")}
              />
            </div>
          </div>

          {/* Both tabs stay mounted: switching keeps typed inputs and a transaction's progress. */}
          <Tabs.Content value="read" forceMount className="grid gap-6 data-[state=inactive]:hidden">
            {values.length > 0 ? (
              <Group title="Values" description="Views without inputs, read live on every block.">
                <div className="divide-y rounded-xl border bg-card shadow-xs">
                  {values.map((fn) => (
                    <ReadValueRow key={fnKey(fn)} contract={contract} fn={fn} blockNumber={blockNumber} />
                  ))}
                </div>
              </Group>
            ) : null}
            {queries.length > 0 ? (
              <Group title="Queries" description="Views with inputs: fill them in and read; the result stays live.">
                <div className="grid gap-3">
                  {queries.map((fn) => (
                    <ReadFunctionCard key={fnKey(fn)} contract={contract} fn={fn} blockNumber={blockNumber} />
                  ))}
                </div>
              </Group>
            ) : null}
            {values.length + queries.length === 0 ? <NoMatch filter={filter} kind="read" /> : null}
          </Tabs.Content>

          <Tabs.Content value="write" forceMount className="grid gap-4 data-[state=inactive]:hidden">
            <WriteAccess />
            {shownWrites.map((fn) => (
              <WriteFunctionCard key={fnKey(fn)} contract={contract} fn={fn} canSend={canSend} />
            ))}
            {shownWrites.length === 0 ? <NoMatch filter={filter} kind="write" /> : null}
          </Tabs.Content>

          <Tabs.Content value="events" className="grid gap-4">
            <EventsList contract={contract} blockNumber={blockNumber} />
          </Tabs.Content>
        </Tabs.Root>
      )}
    </div>
  );
}

const fnKey = (fn: AbiFunction) => `${fn.name}(${fn.inputs.map((input) => input.type).join(",")})`;

function TabTrigger({ value, icon, label, count }: { value: string; icon: ReactNode; label: string; count?: number }) {
  return (
    <Tabs.Trigger
      value={value}
      className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 font-medium text-muted-foreground text-sm transition-colors hover:text-foreground data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm [&_svg]:size-4"
    >
      {icon}
      {label}
      {count !== undefined ? (
        <span className="rounded-full bg-muted px-1.5 text-[11px] text-muted-foreground tabular-nums">{count}</span>
      ) : null}
    </Tabs.Trigger>
  );
}

function Group({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="grid gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <h3 className="font-semibold text-sm">{title}</h3>
        <p className="text-muted-foreground text-xs">{description}</p>
      </div>
      {children}
    </section>
  );
}

function NoMatch({ filter, kind }: { filter: string; kind: "read" | "write" }) {
  return (
    <p className="rounded-xl border border-dashed px-4 py-8 text-center text-muted-foreground text-sm">
      {filter ? `No ${kind} function matches “${filter}”.` : `This contract has no ${kind} functions.`}
    </p>
  );
}
