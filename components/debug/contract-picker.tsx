"use client";

import { shortenAddress } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import type { DebugContract } from "./contract-registry";
import { NativeSelect } from "./native-select";

interface ContractPickerProps {
  contracts: DebugContract[];
  selected: string;
  onSelect: (name: string) => void;
}

/** The deployed contracts: a side list from `lg` up, the platform's select on phones. */
export function ContractPicker({ contracts, selected, onSelect }: ContractPickerProps) {
  return (
    <>
      <div className="grid gap-1.5 lg:hidden">
        <label htmlFor="debug-contract-select" className="font-medium text-muted-foreground text-xs">
          Contract
        </label>
        <NativeSelect
          id="debug-contract-select"
          value={selected}
          onChange={(event) => onSelect(event.target.value)}
          className="[&_select]:h-10 [&_select]:font-medium"
        >
          {contracts.map((contract) => (
            <option key={contract.name} value={contract.name}>
              {contract.name} · {shortenAddress(contract.address)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <nav aria-label="Contracts" className="hidden lg:block">
        <p className="mb-2 px-3 font-medium text-muted-foreground text-xs uppercase tracking-wider">
          Deployed contracts
        </p>
        <ul className="grid gap-0.5">
          {contracts.map((contract) => {
            const active = contract.name === selected;
            return (
              <li key={contract.name}>
                <button
                  type="button"
                  aria-current={active ? "true" : undefined}
                  onClick={() => onSelect(contract.name)}
                  className={cn(
                    "group relative flex w-full flex-col items-start gap-0.5 rounded-lg px-3 py-2 text-left transition-colors hover:bg-accent/60",
                    active && "bg-accent text-accent-foreground",
                  )}
                >
                  {active ? (
                    <span aria-hidden="true" className="absolute inset-y-2 left-0 w-0.5 rounded-full bg-primary" />
                  ) : null}
                  <span className="font-medium text-sm">{contract.name}</span>
                  <span className="font-mono text-muted-foreground text-xs">{shortenAddress(contract.address)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
