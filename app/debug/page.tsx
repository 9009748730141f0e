import { Bug } from "lucide-react";
import type { Metadata } from "next";
import { ContractsDebug } from "@/components/debug/contracts-debug";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";

export const metadata: Metadata = { title: "Contracts debug" };

/** A developer tool in the spirit of Scaffold-ETH's /debug: every deployed contract, straight from its ABI. */
export default async function DebugPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { contract } = await searchParams;
  return (
    <PageShell>
      <PageHeader
        icon={Bug}
        eyebrow="Developer tools"
        title="Contracts debug"
        description="Every deployed contract, straight from its ABI: views read live on each block, and writes simulated with your account, then sent through your wallet with any revert decoded."
      />
      <ContractsDebug initialContract={typeof contract === "string" ? contract : undefined} />
    </PageShell>
  );
}
