import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageShell } from "@/components/layout/page-shell";
import { ModelPage } from "@/components/models/model-page";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getModel } from "@/lib/factory/models/read";
import { currentSession } from "@/lib/http/current-session";

type ModelPageProps = { params: Promise<{ id: string }> };

/** The model for this request and viewer, read once for the metadata and the page; 404 when hidden or missing. */
const loadModel = cache(async (id: string) => {
  const session = await currentSession();
  try {
    return await getModel(db(), session?.userId, id);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: ModelPageProps): Promise<Metadata> {
  const model = await loadModel((await params).id);
  return { title: model.name, description: `A LoRA adapter for ${model.baseModel}.` };
}

export default async function ModelDetailPage({ params }: ModelPageProps) {
  const model = await loadModel((await params).id);
  return (
    <PageShell>
      <ModelPage model={model} />
    </PageShell>
  );
}
