import { Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/datanets/format";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import { ModelFilters } from "@/components/models/model-filters";
import { ModelListCard } from "@/components/models/model-list-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/lib/db/client";
import { listModels } from "@/lib/factory/models/read";
import { currentSession } from "@/lib/http/current-session";

export const metadata: Metadata = { title: "Models" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ModelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const session = await currentSession();
  const filters = {
    baseModel: first(params.baseModel),
    datanet: first(params.datanet),
    mine: first(params.owner) === "me" && session !== null,
  };
  const filtered = Boolean(filters.baseModel || filters.datanet || filters.mine);
  const [all, models] = await Promise.all([
    listModels(db(), session?.userId),
    filtered ? listModels(db(), session?.userId, filters) : null,
  ]);
  const shown = models ?? all;
  const baseModels = [...new Set(all.map((m) => m.baseModel))].sort();
  const datanets = [
    ...new Map(
      all.flatMap((m) => m.lineage).map((l) => [l.datanetSlug, { slug: l.datanetSlug, name: l.datanetName }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <PageShell>
      <PageHeader
        icon={Layers}
        eyebrow="Step 3 · Serve"
        title="Models"
        description="Published models are LoRA adapters registered on-chain over a shared base model. Each lists the Datanet versions it was trained on, its evaluation and its price per 1k tokens, and its adapter can be downloaded in PEFT layout."
        actions={
          <Button asChild variant="outline">
            <Link href="/factory">Fine-tune a model</Link>
          </Button>
        }
      />
      {all.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="No published models yet"
          description="Fine-tune a model on a Datanet in ModelFactory, then publish it from its run page: it shows up here."
          capabilities={[
            "Browse models by base model and Datanet",
            "See each model's Datanet lineage and on-chain roots",
            "Compare its evaluation against the base model",
            "Download the adapter as a PEFT zip",
          ]}
          actions={
            <Button asChild>
              <Link href="/factory/new">Start a training run</Link>
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-6">
          <ModelFilters baseModels={baseModels} datanets={datanets} signedIn={session !== null} />
          <p className="-mb-2 text-muted-foreground text-sm" aria-live="polite">
            {filtered
              ? `${plural(shown.length, "model")} match${shown.length === 1 ? "es" : ""} your filters.`
              : `${plural(shown.length, "model")}, newest first.`}
          </p>
          {shown.length > 0 ? (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {shown.map((model) => (
                <li key={model.id} className="grid">
                  <ModelListCard model={model} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="rounded-xl border border-dashed p-8 text-center text-muted-foreground text-sm">
              No model matches these filters.{" "}
              <Link href="/models" className="text-primary underline-offset-4 hover:underline">
                Clear them
              </Link>
            </div>
          )}
        </div>
      )}
    </PageShell>
  );
}
