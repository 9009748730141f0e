/**
 * The pretraining recipes: per catalog model, its architecture (config.json fields), its corpora and every
 * training hyperparameter. `npm run pretrain -- --model <id>` runs one; the model card records it.
 */
import { type CatalogModel, catalogModel } from "../../lib/ml";
import type { CorpusName } from "../../lib/ml/data";

/** One corpus of a recipe; `maxFileBytes` skips larger documents (generated tables in the Python library). */
export interface CorpusSpec {
  name: CorpusName;
  maxFileBytes?: number;
}

/** Optimisation and evaluation settings of a pretraining run. */
export interface TrainingRecipe {
  /** Seeds the weights, the batch sampling and the run. */
  seed: number;
  /** Optimizer steps (also the cosine schedule's length). */
  steps: number;
  /** Windows per batch; each window is the model's context length. */
  batch: number;
  peakLearningRate: number;
  warmupSteps: number;
  /** Final learning rate as a fraction of the peak. */
  floorRatio: number;
  weightDecay: number;
  beta2: number;
  clipNorm: number;
  /** Validate every this many steps (and after the last one). */
  evalEvery: number;
  /** Validation windows used during training. */
  evalWindows: number;
  /** Windows of each split measured once more on the written (float16) weights for the model card. */
  finalEvalWindows: number;
}

/** How to pretrain one model. */
export interface Recipe {
  /** The catalog entry the run produces (id, licences, declared size, folder). */
  entry: CatalogModel;
  /** config.json fields, parsed by parseModelConfig. */
  config: Record<string, unknown>;
  corpora: readonly CorpusSpec[];
  training: TrainingRecipe;
}

/** Special-token ids of the engine's byte tokenizer (BYTE_BOS_ID, BYTE_EOS_ID, BYTE_PAD_ID). */
const BYTE_SPECIALS = { bos_token_id: 256, eos_token_id: 257, pad_token_id: 258 } as const;

const PROSE: Recipe = {
  entry: catalogModel("mf-prose-byte"),
  config: {
    model_type: "gpt2",
    vocab_size: 259,
    n_positions: 256,
    n_embd: 192,
    n_layer: 4,
    n_head: 6,
    activation_function: "gelu_new",
    ...BYTE_SPECIALS,
  },
  corpora: [{ name: "moby-dick" }, { name: "sotu" }],
  training: {
    seed: 1,
    steps: 1200,
    batch: 16,
    peakLearningRate: 3e-3,
    warmupSteps: 100,
    floorRatio: 0.1,
    weightDecay: 0.1,
    beta2: 0.99,
    clipNorm: 1,
    evalEvery: 100,
    evalWindows: 64,
    finalEvalWindows: 256,
  },
};

const CODE: Recipe = {
  entry: catalogModel("mf-code-byte"),
  config: {
    model_type: "llama",
    vocab_size: 259,
    hidden_size: 192,
    intermediate_size: 512,
    num_hidden_layers: 4,
    num_attention_heads: 6,
    num_key_value_heads: 6,
    max_position_embeddings: 256,
    rope_theta: 10000,
    tie_word_embeddings: false,
    ...BYTE_SPECIALS,
  },
  corpora: [{ name: "python-stdlib", maxFileBytes: 300_000 }],
  training: {
    seed: 2,
    steps: 1400,
    batch: 16,
    peakLearningRate: 3e-3,
    warmupSteps: 100,
    floorRatio: 0.1,
    weightDecay: 0.1,
    beta2: 0.99,
    clipNorm: 1,
    evalEvery: 100,
    evalWindows: 64,
    finalEvalWindows: 256,
  },
};

/** Every recipe by catalog id. */
export const RECIPES: Readonly<Record<string, Recipe>> = Object.freeze({
  [PROSE.entry.id]: PROSE,
  [CODE.entry.id]: CODE,
});

/** The recipe of a catalog model; throws listing the known ids. */
export function recipeFor(id: string): Recipe {
  const recipe = RECIPES[id];
  if (!recipe) throw new Error(`no pretraining recipe for "${id}": expected one of ${Object.keys(RECIPES).join(", ")}`);
  return recipe;
}
