import { Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <PageShell>
      <PageHeader
        icon={Layers}
        eyebrow="Step 3 · Serve"
        title="Models"
        description="Published models are LoRA adapters served by OpenLoRA over one shared base model. Each lists the Datanet versions it was trained on and its price per 1k tokens, and every answer it gives comes with an attribution receipt."
      />
      <EmptyState
        icon={Layers}
        title="No published models yet"
        description="Once builders publish fine-tuned adapters, you will be able to browse and query them here."
        capabilities={[
          "Browse models by domain and base model",
          "See each model's Datanet lineage and price",
          "Send prompts and read the answers",
          "Open the receipt naming the data behind an answer",
        ]}
        actions={
          <Button asChild variant="outline">
            <Link href="/factory">Fine-tune a model</Link>
          </Button>
        }
      />
    </PageShell>
  );
}
