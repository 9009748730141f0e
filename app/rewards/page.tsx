import { Coins } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Rewards" };

export default function RewardsPage() {
  return (
    <PageShell>
      <PageHeader
        icon={Coins}
        eyebrow="Step 5 · Get paid"
        title="Rewards"
        description="Every paid answer's fee is split between the model's owner, the contributors its attribution receipt names, and the protocol. Balances are settled on-chain each epoch, and you claim yours in OPEN, a token with a fixed supply of 1,000,000,000."
      />
      <EmptyState
        icon={Coins}
        title="No rewards yet"
        description="When your data or your models earn fees, your balance and its history will show up here."
        capabilities={[
          "See earnings per epoch, as contributor and as model owner",
          "Trace each payment to the answers that earned it",
          "Claim settled OPEN with your wallet",
          "Check past claims and their transactions",
        ]}
        actions={
          <Button asChild variant="outline">
            <Link href="/#how-it-works">See how the loop works</Link>
          </Button>
        }
      />
    </PageShell>
  );
}
