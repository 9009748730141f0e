import { WandSparkles } from "lucide-react";
import type { Metadata } from "next";
import { NewFineTuneButton, RunsList } from "@/components/factory/runs-list";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";

export const metadata: Metadata = { title: "Fine-tuning" };

export default function FactoryPage() {
  return (
    <PageShell>
      <PageHeader
        icon={WandSparkles}
        eyebrow="Step 2 · Train"
        title="ModelFactory"
        description="Fine-tune a base model on Datanet versions with LoRA, without writing code: a short wizard takes you from base model to data to training settings, then the run streams its progress here."
        actions={<NewFineTuneButton />}
      />
      <RunsList />
    </PageShell>
  );
}
