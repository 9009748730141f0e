import type { AbiFunction } from "viem";
import { displayType } from "@/lib/chain/abi-values";

/** `name` and what it returns, e.g. `balanceOf → uint256`. */
export function FunctionHeading({ fn, as: Tag = "h4" }: { fn: AbiFunction; as?: "h3" | "h4" }) {
  const returns = fn.outputs.map((output) => displayType(output)).join(", ");
  return (
    <div className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5">
      <Tag className="break-all font-medium font-mono text-sm">{fn.name}</Tag>
      {returns ? (
        <span className="min-w-0 break-words font-mono text-muted-foreground text-xs">
          <span aria-hidden="true">→ </span>
          <span className="sr-only">returns </span>
          {returns}
        </span>
      ) : null}
      {fn.stateMutability === "payable" ? (
        <span className="rounded-full bg-token/15 px-2 py-px font-medium text-[11px] text-token">payable</span>
      ) : null}
    </div>
  );
}
