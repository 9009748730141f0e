import { WandSparkles } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Fine-tuning" };

export default function FactoryPage() {
  return (
    <PageShell>
      <PageHeader
        icon={WandSparkles}
        eyebrow="Step 2 · Train"
        title="ModelFactory"
        description="ModelFactory fine-tunes a base model on Datanet versions with LoRA, without writing code. A short wizard takes you from base model to data to training settings, then runs the job and streams its progress until your adapter is ready to test and publish."
      />
      <EmptyState
        icon={WandSparkles}
        title="No training runs yet"
        description="Your fine-tuning runs will appear here, from queued to trained, with their settings and results."
        capabilities={[
          "Choose a base model and one or more Datanet versions",
          "Set LoRA rank, target layers and training options",
          "Watch loss, tokens per second and time remaining live",
          "Evaluate the adapter and try it in a playground",
          "Publish it with its data lineage and a price",
          "Pick up from a checkpoint if a run is interrupted",
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
