import type { ReactNode } from "react";

/** The width and spacing every section page shares. */
export function PageShell({ children }: { children: ReactNode }) {
  return <div className="mx-auto flex w-full max-w-6xl flex-col gap-10 px-4 py-10 sm:px-6 sm:py-14">{children}</div>;
}
