import type { Hex } from "viem";
import type { RunConfig } from "../config";
import type { RunEvaluation } from "../evaluation";

/** A Datanet version the model learned from, with what the chain holds for it. */
export interface CardLineageEntry {
  datanetId: string;
  datanetSlug: string;
  datanetName: string;
  /** The Datanet's id in DatanetRegistry. */
  onchainDatanetId: string;
  version: number;
  /** The version's Merkle root, as registered on-chain. */
  merkleRoot: string;
  rowCount: number;
  txHash: string | null;
}

/** A model's card: what it is, what it learned from, how, and how well (stored as published_models.metadata). */
export interface ModelCard {
  schema: "modelfactory.model-card/1";
  name: string;
  baseModel: string;
  /** keccak256 of the base model's catalog id: ModelRegistry's baseModelId. */
  baseModelId: Hex;
  task: RunConfig["data"]["task"];
  lineage: CardLineageEntry[];
  /** The run config's method: LoRA rank, alpha, learning rate, epochs… */
  hyperparameters: RunConfig["method"];
  /** Held-out evaluation, base against fine-tuned (null when the run recorded none). */
  metrics: RunEvaluation | null;
  adapter: { format: "peft-lora"; sha256: Hex; bytes: number; files: string[] };
  training: { runId: string; steps: number; backend: string | null; finishedAt: string | null };
}
