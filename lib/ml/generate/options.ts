/** Generation options, their defaults and validation, and the model a generation runs on. */
import { mixSeeds } from "../kernels/random";
import type { LoraAdapter } from "../lora/adapter";
import { dimensions, type ModelConfig } from "../model/config";
import type { ReadonlyParams } from "../model/params";
import type { Tokenizer } from "../tokenizers/types";
import { type SamplingOptions, validateSampling } from "./sampling";

/** The model generation runs: base parameters, configuration and, optionally, a LoRA adapter. */
export interface GenerationModel {
  params: ReadonlyParams;
  config: ModelConfig;
  /** An adapter applied unmerged; `GenerateOptions.adapter` overrides it. */
  adapter?: LoraAdapter;
}

/** When generation stops besides EOS and the token budget. */
export interface StopConditions {
  /** Token ids that end generation (added to the model's and tokenizer's EOS ids). */
  tokenIds?: number[];
  /** Strings that end generation when they appear in the decoded text (never emitted). Needs a tokenizer. */
  sequences?: string[];
}

/** Options of generate, generateText and generateBatch. */
export interface GenerateOptions extends SamplingOptions {
  /** Most tokens to generate (default 64); also clamped so prompt + output fit the model's context. */
  maxNewTokens?: number;
  /** Seed of the sampling draws (default 0): the same seed gives the same tokens. */
  seed?: number;
  stop?: StopConditions;
  /** Decodes the tokens to text as they stream (needed for stop sequences); special tokens are left out of it. */
  tokenizer?: Tokenizer;
  /** A LoRA adapter applied unmerged (overrides the model's). */
  adapter?: LoraAdapter;
  /** Ends generation (finishReason "abort") at the next step. */
  signal?: AbortSignal;
}

/** Why generation ended: a stop token or sequence, the token budget or context length, or an abort. */
export type FinishReason = "stop" | "length" | "abort";

/** Options with every default filled in. */
export interface ResolvedOptions {
  maxNewTokens: number;
  sampling: Required<SamplingOptions>;
  seed: number;
  stopIds: ReadonlySet<number>;
  stopSequences: readonly string[];
  tokenizer?: Tokenizer;
  adapter?: LoraAdapter;
  signal?: AbortSignal;
  /** Positions the model can address. */
  contextLength: number;
}

function eosIds(config: ModelConfig, tokenizer?: Tokenizer): number[] {
  const fromConfig = config.eos_token_id;
  const ids = fromConfig === undefined ? [] : Array.isArray(fromConfig) ? [...fromConfig] : [fromConfig];
  if (tokenizer?.eosId !== undefined) ids.push(tokenizer.eosId);
  return ids;
}

/** Fills in defaults and validates; throws a RangeError for a bad option. */
export function resolveOptions(model: GenerationModel, options: GenerateOptions): ResolvedOptions {
  const { maxNewTokens = 64, temperature = 1, topK = 0, topP = 1, seed = 0, stop = {}, tokenizer } = options;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 0) {
    throw new RangeError(`maxNewTokens must be an integer ≥ 0, got ${maxNewTokens}`);
  }
  validateSampling({ temperature, topK, topP });
  const stopSequences = stop.sequences ?? [];
  if (stopSequences.length > 0 && !tokenizer) throw new RangeError("stop sequences need a tokenizer");
  return {
    maxNewTokens,
    sampling: { temperature, topK, topP },
    seed,
    stopIds: new Set([...eosIds(model.config, tokenizer), ...(stop.tokenIds ?? [])]),
    stopSequences,
    tokenizer,
    adapter: options.adapter ?? model.adapter,
    signal: options.signal,
    contextLength: dimensions(model.config).maxPositions,
  };
}

/**
 * New tokens a prompt may get: maxNewTokens, clamped so prompt + output fit the context. Throws a
 * RangeError for an empty prompt or one longer than the context.
 */
export function tokenBudget(options: ResolvedOptions, promptLength: number): number {
  if (promptLength === 0) throw new RangeError("the prompt must hold at least one token");
  if (promptLength > options.contextLength) {
    throw new RangeError(`a prompt of ${promptLength} tokens exceeds the model's context of ${options.contextLength}`);
  }
  return Math.min(options.maxNewTokens, options.contextLength - promptLength);
}

/** The sampling seed of batch row `row` (row 0 of a batch samples like `generate` alone with the same seed). */
export function rowSeed(seed: number, row: number): number {
  return mixSeeds(seed, row);
}
