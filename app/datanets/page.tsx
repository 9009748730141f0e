import { Database } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Datanets" };

export default function DatanetsPage() {
  return (
    <PageShell>
      <PageHeader
        icon={Database}
        eyebrow="Step 1 · Curate"
        title="Datanets"
        description="Datanets are community-curated datasets, one per domain. Contributors add files, reviewers approve them, and every accepted contribution is signed by its author's wallet, so models trained on a Datanet can credit and pay the people behind it."
      />
      <EmptyState
        icon={Database}
        title="No Datanets yet"
        description="When Datanets exist they will be listed here, and you will be able to start one for your own domain."
        capabilities={[
          "Create a Datanet with a schema and review rules",
          "Drop in files and preview the parsed rows",
          "See schema, duplicate and PII checks before you submit",
          "Sign each contribution with your wallet",
          "Review others' contributions and publish versions",
          "Follow which models were trained on a version",
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
