import type { Address, PublicClient } from "viem";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { ModelCard } from "./card";
import { readModelPublished } from "./onchain";

const notFound = (id: string) => new DomainError("model_not_found", `No model "${id}".`, 404, { model: id });

/**
 * Records that a draft model is on-chain: reads the ModelPublished event of the owner's publishModel transaction
 * and checks it published exactly this draft (adapter hash, base model, owner, price, lineage) from the owner's
 * address. Nothing is recorded otherwise. Idempotent for the same transaction.
 */
export async function confirmModel(
  db: Db,
  userId: string,
  modelId: string,
  txHash: string,
  chain: { client: PublicClient; registry: Address },
) {
  const model = await db.publishedModel.findUnique({ where: { id: modelId }, include: { owner: true } });
  if (!model || model.ownerId !== userId) throw notFound(modelId);
  if (model.status === "published") {
    if (model.txHash?.toLowerCase() === txHash.toLowerCase()) return model;
    throw new DomainError("already_published", `This model is already on-chain as model ${model.onchainId}.`, 409);
  }
  if (model.registry.toLowerCase() !== chain.registry.toLowerCase()) {
    throw new DomainError(
      "registry_changed",
      "The contracts were redeployed since this model was prepared: prepare it again.",
      409,
    );
  }
  const event = await readModelPublished(chain.client, chain.registry, txHash);
  const card = model.metadata as unknown as ModelCard;
  const expected = {
    adapterHash: model.adapterHash.toLowerCase(),
    baseModelId: card.baseModelId.toLowerCase(),
    owner: model.owner.address.toLowerCase(),
    pricePer1kTokens: model.pricePer1kWei,
    lineage: card.lineage.map((entry) => `${entry.onchainDatanetId}@${entry.version}`).join(","),
  };
  const actual = {
    adapterHash: event.adapterHash.toLowerCase(),
    baseModelId: event.baseModelId.toLowerCase(),
    owner: event.owner.toLowerCase(),
    pricePer1kTokens: event.pricePer1kTokens.toString(),
    lineage: event.lineage.map((ref) => `${ref.datanetId}@${ref.version}`).join(","),
  };
  const different = (Object.keys(expected) as (keyof typeof expected)[]).filter((k) => expected[k] !== actual[k]);
  if (different.length > 0) {
    throw new DomainError(
      "model_mismatch",
      `That transaction published another model (${different.join(", ")} differ from the draft).`,
      409,
      { expected, actual },
    );
  }
  const updated = await db.publishedModel.updateMany({
    where: { id: model.id, status: "draft" },
    data: {
      status: "published",
      onchainId: event.modelId,
      txHash: txHash.toLowerCase(),
      blockNumber: event.blockNumber,
      publishedAt: new Date(),
    },
  });
  const recorded = await db.publishedModel.findUniqueOrThrow({ where: { id: model.id }, include: { owner: true } });
  if (updated.count === 0 && recorded.txHash?.toLowerCase() !== txHash.toLowerCase()) {
    throw new DomainError("already_published", `This model is already on-chain as model ${recorded.onchainId}.`, 409);
  }
  return recorded;
}
