import type { Metadata } from "next";
import { RunDetail } from "@/components/factory/run-detail";
import { PageShell } from "@/components/layout/page-shell";

export const metadata: Metadata = { title: "Training run" };

export default async function TrainingRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <PageShell>
      <RunDetail id={id} />
    </PageShell>
  );
}
