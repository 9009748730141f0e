import { type Hex, parseUnits } from "viem";
import { z } from "zod";
import { baseModelId } from "./adapter-files";

/** The most a model may charge per 1,000 tokens, in OPEN (a guard against a misplaced decimal point). */
export const MAX_PRICE_PER_1K_OPEN = 1_000_000;

/** A price per 1,000 tokens in OPEN as typed ("0.25"): at most 18 decimals, 0 to MAX_PRICE_PER_1K_OPEN. */
export const pricePer1kSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,18})?$/, "price: a number of OPEN such as 0.25, with at most 18 decimals")
  .refine((value) => Number(value) <= MAX_PRICE_PER_1K_OPEN, {
    message: `price: at most ${MAX_PRICE_PER_1K_OPEN.toLocaleString("en")} OPEN per 1,000 tokens`,
  });

/** A Datanet version the model was trained on, as the chain knows it. */
export interface OnchainVersionRef {
  /** The Datanet's id in DatanetRegistry (null when the Datanet was never registered). */
  onchainId: string | null;
  version: number;
}

/** The arguments of ModelRegistry.publishModel, in order. */
export type PublishModelArgs = readonly [
  baseModelId: Hex,
  adapterHash: Hex,
  lineage: readonly { datanetId: bigint; version: number }[],
  pricePer1kTokens: bigint,
  metadataURI: string,
];

/**
 * What the owner's wallet sends to ModelRegistry.publishModel for a trained adapter: the base model's id,
 * the adapter's sha256, the Datanet versions it learned from (their on-chain ids), the price in OPEN wei
 * per 1,000 tokens and where its card lives.
 */
export function publishModelArgs(input: {
  baseModel: string;
  adapterHash: Hex;
  lineage: readonly OnchainVersionRef[];
  pricePer1k: string;
  metadataURI: string;
}): PublishModelArgs {
  if (!/^0x[0-9a-f]{64}$/i.test(input.adapterHash) || /^0x0{64}$/.test(input.adapterHash)) {
    throw new RangeError("adapterHash: a non-zero bytes32");
  }
  const unregistered = input.lineage.filter((ref) => ref.onchainId === null);
  if (unregistered.length > 0) {
    throw new RangeError("lineage: every Datanet the model learned from must be registered on-chain");
  }
  const price = parseUnits(pricePer1kSchema.parse(input.pricePer1k), 18);
  return [
    baseModelId(input.baseModel),
    input.adapterHash,
    input.lineage.map((ref) => ({ datanetId: BigInt(ref.onchainId as string), version: ref.version })),
    price,
    input.metadataURI,
  ] as const;
}
