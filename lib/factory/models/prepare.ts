import path from "node:path";
import type { Hex } from "viem";
import { formatUnits } from "viem";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import type { RunConfig } from "../config";
import type { RunEvaluation } from "../evaluation";
import { baseModelId, PEFT_FILES, packAdapter } from "../publish/adapter-files";
import { pricePer1kSchema, publishModelArgs } from "../publish/publish-args";
import type { CardLineageEntry, ModelCard } from "./card";
import type { ModelRegistryTarget } from "./registry";

/** ModelRegistry.publishModel's arguments as JSON (bigints as decimal strings), in the contract's order by name. */
export interface PublishModelCall {
  baseModelId: Hex;
  adapterHash: Hex;
  lineage: { datanetId: string; version: number }[];
  pricePer1kTokens: string;
  metadataURI: string;
}

export interface PrepareOptions {
  /** Price per 1,000 tokens in OPEN, as typed ("0.25"). */
  pricePer1k: string;
  name?: string;
  registry: ModelRegistryTarget;
  /** Origin the model card's URI points at (e.g. http://localhost:3000). */
  appUrl: string;
}

const runNotFound = (id: string) =>
  new DomainError("training_run_not_found", `No training run "${id}".`, 404, { run: id });

/**
 * Prepares a run's adapter for ModelRegistry.publishModel: owner only, the run succeeded and left an adapter,
 * every Datanet version it learned from is on-chain. Hashes the adapter, writes the model card, stores (or
 * refreshes) the draft, and answers the exact call for the owner's wallet to send.
 */
export async function prepareModel(db: Db, userId: string, runId: string, options: PrepareOptions) {
  const pricePer1k = pricePer1kSchema.parse(options.pricePer1k);
  const run = await db.trainingRun.findUnique({
    where: { id: runId },
    include: {
      versions: { orderBy: { position: "asc" }, include: { version: { include: { datanet: true } } } },
      model: true,
    },
  });
  if (!run || run.ownerId !== userId) throw runNotFound(runId);
  if (run.status !== "succeeded") {
    throw new DomainError(
      "run_not_succeeded",
      `Only a succeeded run can be published; this one is ${run.status}.`,
      409,
      {
        status: run.status,
      },
    );
  }
  if (!run.adapterPath) {
    throw new DomainError("no_adapter", "This run left no adapter to publish.", 409);
  }
  if (run.model?.status === "published") {
    throw new DomainError("already_published", `This run is already published as model ${run.model.onchainId}.`, 409, {
      model: run.model.id,
    });
  }
  const lineage: CardLineageEntry[] = [];
  for (const { version } of run.versions) {
    const { datanet } = version;
    if (datanet.onchainId === null) {
      throw new DomainError(
        "datanet_not_registered",
        `The Datanet "${datanet.name}" (${datanet.slug}) is not registered on-chain: its owner must register it before a model trained on it can be published.`,
        409,
        { datanet: datanet.slug },
      );
    }
    if (version.status !== "confirmed") {
      throw new DomainError(
        "version_not_onchain",
        `Version ${version.number} of "${datanet.name}" (${datanet.slug}) is not confirmed on-chain.`,
        409,
        { datanet: datanet.slug, version: version.number },
      );
    }
    lineage.push({
      datanetId: datanet.id,
      datanetSlug: datanet.slug,
      datanetName: datanet.name,
      onchainDatanetId: datanet.onchainId.toString(),
      version: version.number,
      merkleRoot: version.merkleRoot,
      rowCount: version.rowCount,
      txHash: version.txHash,
    });
  }
  let packed: Awaited<ReturnType<typeof packAdapter>>;
  try {
    packed = await packAdapter(path.resolve(run.adapterPath));
  } catch (error) {
    throw new DomainError("adapter_missing", "The run's adapter files are gone from the server.", 409, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const adapterHash = packed.adapterHash.toLowerCase() as Hex;
  const config = run.config as unknown as RunConfig;
  const name = options.name?.trim() || run.name;
  const card: ModelCard = {
    schema: "modelfactory.model-card/1",
    name,
    baseModel: run.baseModel,
    baseModelId: baseModelId(run.baseModel),
    task: run.task,
    lineage,
    hyperparameters: config.method,
    metrics: (run.evaluation as RunEvaluation | null) ?? null,
    adapter: { format: "peft-lora", sha256: adapterHash, bytes: packed.bytes, files: [...PEFT_FILES] },
    training: {
      runId: run.id,
      steps: run.totalSteps,
      backend: run.backend,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    },
  };
  const data = {
    name,
    baseModel: run.baseModel,
    adapterHash,
    adapterBytes: packed.bytes,
    metadata: card as unknown as Prisma.InputJsonValue,
    chainId: options.registry.chainId,
    registry: options.registry.address.toLowerCase(),
  };
  const args = publishModelArgs({
    baseModel: run.baseModel,
    adapterHash,
    lineage: lineage.map((entry) => ({ onchainId: entry.onchainDatanetId, version: entry.version })),
    pricePer1k,
    metadataURI: "pending",
  });
  const pricePer1kWei = args[3].toString();
  let model: Awaited<ReturnType<Db["publishedModel"]["create"]>>;
  try {
    model = await db.publishedModel.upsert({
      where: { runId: run.id },
      create: { ...data, runId: run.id, ownerId: userId, pricePer1kWei },
      update: { ...data, pricePer1kWei },
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "P2002") {
      const holder = await db.publishedModel.findUnique({
        where: { adapterHash },
        select: { id: true, runId: true, run: { select: { name: true } } },
      });
      // Training is deterministic: the same config and seed on the same rows give byte-identical weights.
      throw new DomainError(
        "adapter_taken",
        `These adapter weights are already a model${holder ? ` (from the run "${holder.run.name}")` : ""}: the same config, seed and data train the very same adapter. Launch the run again with another seed to publish a different one.`,
        409,
        { adapterHash, modelId: holder?.id, runId: holder?.runId },
      );
    }
    throw error;
  }
  const call: PublishModelCall = {
    baseModelId: args[0],
    adapterHash: args[1],
    lineage: args[2].map((ref) => ({ datanetId: ref.datanetId.toString(), version: ref.version })),
    pricePer1kTokens: pricePer1kWei,
    metadataURI: modelCardUri(options.appUrl, model.id),
  };
  return {
    model: { id: model.id, name: model.name, status: model.status, pricePer1k: formatUnits(args[3], 18) },
    call,
    registry: options.registry.address,
    chainId: options.registry.chainId,
  };
}

/** Where a model's card lives: its page's JSON API. */
export function modelCardUri(appUrl: string, modelId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/models/${encodeURIComponent(modelId)}`;
}
