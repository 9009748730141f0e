import type { ReactNode } from "react";
import type { AbiFunction } from "viem";
import { FunctionHeading } from "./function-heading";

/** The frame every function with inputs gets: a region named by its signature. */
export function FunctionCard({ signature, fn, children }: { signature: string; fn: AbiFunction; children: ReactNode }) {
  return (
    <section aria-label={signature} className="min-w-0 rounded-xl border bg-card p-4 shadow-xs">
      <div className="mb-3">
        <FunctionHeading fn={fn} />
      </div>
      {children}
    </section>
  );
}
