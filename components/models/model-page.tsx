import { Download, Layers } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { shortAddress } from "@/components/datanets/format";
import { CopyButton } from "@/components/debug/copy-button";
import { ExplorerLink } from "@/components/debug/explorer-link";
import { RunEvaluationPanel } from "@/components/factory/run-evaluation";
import { VersionRow } from "@/components/factory/version-row";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ModelDetail } from "@/lib/factory/models/read";
import { formatBytes, formatPrice } from "./format";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs">
      <h2 id={id} className="font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

function Hash({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1">
      <span className="truncate font-mono text-xs" title={value} data-testid={testId}>
        {value}
      </span>
      <CopyButton value={value} label={label} className="size-6 shrink-0" />
    </span>
  );
}

const hyperValue = (value: unknown) =>
  Array.isArray(value)
    ? value.join(", ")
    : typeof value === "object" && value !== null
      ? JSON.stringify(value)
      : String(value);

/** A model's page: its card (base model, lineage and roots, hyperparameters, metrics), adapter and on-chain record. */
export function ModelPage({ model }: { model: ModelDetail }) {
  const { card } = model;
  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 border-b pb-6 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid min-w-0 gap-2">
          <p className="flex items-center gap-2 font-medium text-muted-foreground text-sm">
            <Layers className="size-4" aria-hidden="true" />
            <Link href="/models" className="underline-offset-4 hover:underline">
              Models
            </Link>
          </p>
          <h1 className="break-words font-semibold text-3xl tracking-tight">{model.name}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {model.status === "published" ? (
              <Badge variant="accent" data-testid="model-onchain-id">
                On-chain model #{model.onchainId}
              </Badge>
            ) : (
              <Badge variant="outline">Draft: not on-chain yet</Badge>
            )}
            <span className="text-muted-foreground">
              by <span className="font-mono">{model.mine ? "you" : shortAddress(model.owner)}</span>
            </span>
          </div>
        </div>
        <Button asChild>
          <a href={`/api/models/${encodeURIComponent(model.id)}/adapter.zip`} download data-testid="download-adapter">
            <Download aria-hidden="true" />
            Download adapter (PEFT zip)
          </a>
        </Button>
      </div>

      {model.status === "draft" && model.mine && model.runId ? (
        <p className="rounded-lg border border-dashed px-3 py-2 text-muted-foreground text-sm">
          Only you see this draft.{" "}
          <Link href={`/factory/runs/${model.runId}`} className="text-primary underline-offset-4 hover:underline">
            Publish it from its training run
          </Link>
          .
        </p>
      ) : null}

      <Section id="model-card-heading" title="Model card">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Fact label="Base model">
            <span className="font-mono">{card.baseModel}</span>
          </Fact>
          <Fact label="Task">{card.task.replace("_", " ")}</Fact>
          <Fact label="Price per 1,000 tokens">{formatPrice(model.pricePer1k)}</Fact>
          <Fact label="Adapter size">{formatBytes(card.adapter.bytes)}</Fact>
        </dl>
        <dl className="grid gap-3">
          <Fact label="Adapter sha256 (adapter_model.safetensors)">
            <Hash value={card.adapter.sha256} label="Copy the adapter hash" testId="adapter-hash" />
          </Fact>
          <Fact label="Base model id (keccak256 of the catalog id)">
            <Hash value={card.baseModelId} label="Copy the base model id" />
          </Fact>
        </dl>
      </Section>

      <Section id="model-lineage-heading" title="Lineage">
        <p className="text-muted-foreground text-sm">
          The Datanet versions the adapter learned from, with the Merkle roots registered on-chain.
        </p>
        <ul className="grid gap-2">
          {card.lineage.map((entry) => (
            <VersionRow
              key={`${entry.datanetSlug}@${entry.version}`}
              {...entry}
              className="bg-transparent"
              tag={<span className="text-muted-foreground text-xs">Datanet #{entry.onchainDatanetId} on-chain</span>}
            />
          ))}
        </ul>
      </Section>

      <Section id="model-hyper-heading" title="Hyperparameters">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {Object.entries(card.hyperparameters ?? {}).map(([key, value]) => (
            <Fact key={key} label={key}>
              <span className="break-words font-mono text-xs">{hyperValue(value)}</span>
            </Fact>
          ))}
        </dl>
      </Section>

      {card.metrics ? <RunEvaluationPanel evaluation={card.metrics} /> : null}

      <Section id="model-chain-heading" title="On-chain record">
        {model.status === "published" && model.txHash ? (
          <dl className="grid gap-3 sm:grid-cols-2">
            <Fact label="ModelRegistry">
              <span className="flex min-w-0 items-center gap-1">
                <span className="truncate font-mono text-xs">{model.registry}</span>
                <ExplorerLink kind="address" value={model.registry} />
              </span>
            </Fact>
            <Fact label={`Published ${model.publishedAt ? model.publishedAt.toISOString().slice(0, 10) : ""}`}>
              <span className="flex min-w-0 items-center gap-1">
                <span className="truncate font-mono text-xs" title={model.txHash} data-testid="model-tx">
                  {model.txHash}
                </span>
                <CopyButton value={model.txHash} label="Copy the transaction hash" className="size-6 shrink-0" />
                <ExplorerLink kind="tx" value={model.txHash} />
              </span>
            </Fact>
          </dl>
        ) : (
          <p className="text-muted-foreground text-sm">Not published yet.</p>
        )}
      </Section>
    </div>
  );
}
