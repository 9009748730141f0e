import path from "node:path";
import { formatUnits } from "viem";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import { packAdapter } from "../publish/adapter-files";
import type { ModelCard } from "./card";

/** A model as lists show it. */
export interface ModelSummary {
  id: string;
  name: string;
  status: "draft" | "published";
  baseModel: string;
  owner: string;
  /** Whether the viewer owns it. */
  mine: boolean;
  runId: string | null;
  adapterHash: string;
  adapterBytes: number;
  pricePer1kWei: string;
  /** The same price in OPEN ("0.25"). */
  pricePer1k: string;
  chainId: number;
  registry: string;
  onchainId: string | null;
  txHash: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  lineage: { datanetSlug: string; datanetName: string; version: number; merkleRoot: string }[];
}

/** A model with its card. */
export interface ModelDetail extends ModelSummary {
  card: ModelCard;
}

export interface ModelFilters {
  baseModel?: string;
  /** A Datanet's id or slug: models trained on any of its versions. */
  datanet?: string;
  /** Only the viewer's models (drafts included). */
  mine?: boolean;
}

const include = { owner: { select: { address: true } } } as const;
type Row = Prisma.PublishedModelGetPayload<{ include: typeof include }>;

function summary(row: Row, viewerId: string | undefined): ModelSummary {
  const card = row.metadata as unknown as ModelCard;
  const mine = row.ownerId === viewerId;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    baseModel: row.baseModel,
    owner: row.owner.address,
    mine,
    runId: mine ? row.runId : null,
    adapterHash: row.adapterHash,
    adapterBytes: row.adapterBytes,
    pricePer1kWei: row.pricePer1kWei,
    pricePer1k: formatUnits(BigInt(row.pricePer1kWei), 18),
    chainId: row.chainId,
    registry: row.registry,
    onchainId: row.onchainId?.toString() ?? null,
    txHash: row.txHash,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    lineage: card.lineage.map((entry) => ({
      datanetSlug: entry.datanetSlug,
      datanetName: entry.datanetName,
      version: entry.version,
      merkleRoot: entry.merkleRoot,
    })),
  };
}

/** Everyone's published models and the viewer's drafts, newest first (drafts before anything published). */
export async function listModels(db: Db, viewerId: string | undefined, filters: ModelFilters = {}) {
  const visible: Prisma.PublishedModelWhereInput = filters.mine
    ? { ownerId: viewerId ?? "\u0000" }
    : { OR: [{ status: "published" }, ...(viewerId ? [{ ownerId: viewerId }] : [])] };
  const where: Prisma.PublishedModelWhereInput = {
    AND: [
      visible,
      filters.baseModel ? { baseModel: filters.baseModel } : {},
      filters.datanet
        ? {
            run: {
              versions: {
                some: { version: { datanet: { OR: [{ id: filters.datanet }, { slug: filters.datanet }] } } },
              },
            },
          }
        : {},
    ],
  };
  const rows = await db.publishedModel.findMany({
    where,
    include,
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
  });
  return rows.map((row) => summary(row, viewerId));
}

/** A model and its card: published ones for anyone, drafts for their owner only (404 otherwise). */
export async function getModel(db: Db, viewerId: string | undefined, id: string): Promise<ModelDetail> {
  const row = await db.publishedModel.findUnique({ where: { id }, include });
  if (!row || (row.status !== "published" && row.ownerId !== viewerId)) {
    throw new DomainError("model_not_found", `No model "${id}".`, 404, { model: id });
  }
  return { ...summary(row, viewerId), card: row.metadata as unknown as ModelCard };
}

/** A model's adapter as a PEFT zip, checked against the hash it was published with. */
export async function modelAdapterZip(db: Db, viewerId: string | undefined, id: string) {
  const model = await getModel(db, viewerId, id);
  const row = await db.publishedModel.findUniqueOrThrow({ where: { id }, include: { run: true } });
  const folder = row.run.adapterPath;
  if (!folder) throw new DomainError("adapter_missing", "The model's adapter files are gone from the server.", 410);
  let packed: Awaited<ReturnType<typeof packAdapter>>;
  try {
    packed = await packAdapter(path.resolve(folder));
  } catch {
    throw new DomainError("adapter_missing", "The model's adapter files are gone from the server.", 410);
  }
  if (packed.adapterHash.toLowerCase() !== model.adapterHash.toLowerCase()) {
    throw new DomainError("adapter_changed", "The adapter on the server no longer matches the published hash.", 409);
  }
  const slug =
    model.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "model";
  return { zip: packed.zip, adapterHash: model.adapterHash, filename: `${slug}-adapter.zip` };
}

/** The model made from one of the user's runs (draft or published), or null; 404 when the run is not theirs. */
export async function getRunModel(db: Db, userId: string, runId: string): Promise<ModelSummary | null> {
  const run = await db.trainingRun.findUnique({ where: { id: runId }, select: { ownerId: true } });
  if (!run || run.ownerId !== userId) {
    throw new DomainError("training_run_not_found", `No training run "${runId}".`, 404, { run: runId });
  }
  const row = await db.publishedModel.findUnique({ where: { runId }, include });
  return row ? summary(row, userId) : null;
}
