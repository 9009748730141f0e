import { WandSparkles } from "lucide-react";
import type { Metadata } from "next";
import { NewRunWizard } from "@/components/factory/new-run-wizard";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { baseModelChoices } from "@/lib/factory/base-model-cards";

export const metadata: Metadata = { title: "New fine-tune" };

/** Rendered on each request: a checkpoint folder dropped into DATA_DIR/checkpoints shows on reload. */
export const dynamic = "force-dynamic";

export default function NewFineTunePage() {
  const { models, broken, checkpointsFolder } = baseModelChoices();
  return (
    <PageShell>
      <PageHeader
        icon={WandSparkles}
        eyebrow="Step 2 · Train"
        title="New fine-tune"
        description="Four short steps: a base model, the Datanet versions to learn from, how to train, and a last look at the whole config before it runs. Every field has a sensible default."
      />
      <NewRunWizard models={models} imports={{ broken, checkpointsFolder }} />
    </PageShell>
  );
}
