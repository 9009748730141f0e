/**
 * The instruction template for prompt/completion fine-tuning, with a loss mask on the completion.
 *
 * Layout (each part encoded on its own, so the mask switches exactly at a token boundary and generation,
 * via `encodePrompt`, reproduces the training prefix token for token):
 *
 *   [BOS if addBos] "### Instruction:\n" {prompt} "\n\n### Response:\n" {completion} [EOS]
 *   lossMask:  0 …………………………………………………………………………………………… 0  1 ……………………… 1    1
 */
import type { Tokenizer } from "../tokenizers/types";

/** The fixed text around the prompt. */
export interface InstructionTemplate {
  /** Text before the prompt. */
  instruction: string;
  /** Text between the prompt and the completion. */
  response: string;
}

/** The default template (Alpaca-style headers). */
export const DEFAULT_TEMPLATE: Readonly<InstructionTemplate> = Object.freeze({
  instruction: "### Instruction:\n",
  response: "\n\n### Response:\n",
});

/** One training pair. */
export interface PromptCompletion {
  prompt: string;
  completion: string;
}

/** Which end of an over-long prompt loses tokens: "left" drops its start, "right" its end. */
export type PromptTruncation = "left" | "right";

/** Options for {@link encodeInstruction}. */
export interface EncodeInstructionOptions {
  template?: InstructionTemplate;
  /** Maximum total tokens; longer examples are truncated (see `completionShare`). Default: no limit. */
  contextLength?: number;
  /** Start with the tokenizer's BOS. Default `tokenizer.addBos`. */
  addBos?: boolean;
  /** End with the tokenizer's EOS (and train on it, so the model learns to stop). Default true. */
  addEos?: boolean;
  /**
   * When truncating, the share of the room left by the template that the completion may claim, in (0, 1].
   * Default 0.5: a long prompt is cut before the completion gets less than half the room.
   */
  completionShare?: number;
  /** Which end of the prompt is dropped when it must be cut. Default "left" (keeps the text next to the response). */
  truncatePrompt?: PromptTruncation;
}

/** What truncation removed. */
export interface TruncationReport {
  truncated: boolean;
  /** Prompt tokens dropped (the template's own tokens are never dropped). */
  promptTokensDropped: number;
  /** Completion tokens dropped from its end, EOS included. */
  completionTokensDropped: number;
  /** Whether the EOS was cut (the example then teaches no stop). */
  eosDropped: boolean;
  /** Token count before truncation. */
  originalLength: number;
}

/** An encoded example. */
export interface EncodedInstruction {
  ids: number[];
  /**
   * 1 where `ids[i]` is a completion token or the EOS, 0 on BOS, template and prompt. Aligned with `ids`:
   * for next-token training (inputs ids[0..n-2], targets ids[1..n-1]) weight target j by lossMask[j + 1],
   * as {@link shiftForNextToken} does.
   */
  lossMask: number[];
  /** Tokens before the completion (BOS + template + prompt). */
  promptLength: number;
  /** Completion tokens kept, EOS included. */
  completionLength: number;
  truncation: TruncationReport;
}

/** The prompt text the model sees before its answer. */
export function formatPrompt(prompt: string, template: InstructionTemplate = DEFAULT_TEMPLATE): string {
  return `${template.instruction}${prompt}${template.response}`;
}

/** The whole example as text (without BOS/EOS), for display. */
export function formatInstruction(example: PromptCompletion, template: InstructionTemplate = DEFAULT_TEMPLATE): string {
  return formatPrompt(example.prompt, template) + example.completion;
}

interface PromptParts {
  head: number[];
  body: number[];
  tail: number[];
}

function promptParts(
  tokenizer: Tokenizer,
  prompt: string,
  template: InstructionTemplate,
  addBos: boolean,
): PromptParts {
  if (addBos && tokenizer.bosId === undefined) throw new Error(`tokenizer ${tokenizer.name} has no BOS token`);
  const head = addBos ? [tokenizer.bosId as number] : [];
  head.push(...tokenizer.encode(template.instruction));
  return { head, body: tokenizer.encode(prompt), tail: tokenizer.encode(template.response) };
}

function keepPrompt(body: number[], keep: number, side: PromptTruncation): number[] {
  if (keep >= body.length) return body;
  return side === "left" ? body.slice(body.length - keep) : body.slice(0, keep);
}

/**
 * Encodes a prompt/completion pair for causal-LM fine-tuning: ids plus a loss mask that is 1 only on the
 * completion and its EOS. With `contextLength`, an over-long example keeps the template whole, gives the
 * completion at least `completionShare` of the remaining room (its start is kept, its end dropped), and
 * cuts the prompt to fit; the report says what went. Throws a RangeError when the template alone leaves no
 * room for a completion token.
 */
export function encodeInstruction(
  tokenizer: Tokenizer,
  example: PromptCompletion,
  options: EncodeInstructionOptions = {},
): EncodedInstruction {
  const template = options.template ?? DEFAULT_TEMPLATE;
  const addEos = options.addEos ?? true;
  const share = options.completionShare ?? 0.5;
  if (!(share > 0 && share <= 1)) throw new RangeError(`completionShare ${share} is not in (0, 1]`);
  if (addEos && tokenizer.eosId === undefined) throw new Error(`tokenizer ${tokenizer.name} has no EOS token`);
  const { head, body, tail } = promptParts(tokenizer, example.prompt, template, options.addBos ?? tokenizer.addBos);
  const completion = tokenizer.encode(example.completion);
  if (addEos) completion.push(tokenizer.eosId as number);

  const fixed = head.length + tail.length;
  const originalLength = fixed + body.length + completion.length;
  const limit = options.contextLength ?? Number.POSITIVE_INFINITY;
  let keptBody = body;
  let keptCompletion = completion;
  if (originalLength > limit) {
    const room = limit - fixed;
    if (room < 1) {
      throw new RangeError(
        `contextLength ${limit} leaves no room for a completion: the template alone takes ${fixed} tokens`,
      );
    }
    const completionFloor = Math.min(completion.length, Math.max(room - body.length, Math.ceil(room * share)));
    keptBody = keepPrompt(body, Math.min(body.length, room - completionFloor), options.truncatePrompt ?? "left");
    keptCompletion = completion.slice(0, Math.min(completion.length, room - keptBody.length));
  }
  const prefix = [...head, ...keptBody, ...tail];
  const ids = [...prefix, ...keptCompletion];
  const completionTokensDropped = completion.length - keptCompletion.length;
  return {
    ids,
    lossMask: ids.map((_, i) => (i < prefix.length ? 0 : 1)),
    promptLength: prefix.length,
    completionLength: keptCompletion.length,
    truncation: {
      truncated: ids.length < originalLength,
      promptTokensDropped: body.length - keptBody.length,
      completionTokensDropped,
      eosDropped: addEos && completionTokensDropped > 0,
      originalLength,
    },
  };
}

/** Options for {@link encodePrompt}. */
export interface EncodePromptOptions {
  template?: InstructionTemplate;
  /** Default `tokenizer.addBos`, as in training. */
  addBos?: boolean;
  /** With `contextLength`, the prompt is cut so that `maxNewTokens` more tokens still fit. */
  contextLength?: number;
  /** Tokens to leave room for. Default 1. */
  maxNewTokens?: number;
  /** Default "left", as in training. */
  truncatePrompt?: PromptTruncation;
}

/**
 * The ids a model is given at generation time: exactly the training prefix of {@link encodeInstruction}
 * (BOS, template, prompt), cut to leave `maxNewTokens` of room within `contextLength` when given.
 */
export function encodePrompt(tokenizer: Tokenizer, prompt: string, options: EncodePromptOptions = {}): number[] {
  const template = options.template ?? DEFAULT_TEMPLATE;
  const { head, body, tail } = promptParts(tokenizer, prompt, template, options.addBos ?? tokenizer.addBos);
  let keptBody = body;
  if (options.contextLength !== undefined) {
    const room = options.contextLength - (options.maxNewTokens ?? 1) - head.length - tail.length;
    if (room < 0) {
      throw new RangeError(
        `contextLength ${options.contextLength} cannot hold the template (${head.length + tail.length} tokens) and ${options.maxNewTokens ?? 1} new tokens`,
      );
    }
    keptBody = keepPrompt(body, room, options.truncatePrompt ?? "left");
  }
  return [...head, ...keptBody, ...tail];
}

/** Inputs, next-token targets and their loss weights (length n − 1) from an encoded example. */
export function shiftForNextToken(example: Pick<EncodedInstruction, "ids" | "lossMask">): {
  inputs: number[];
  targets: number[];
  weights: number[];
} {
  return {
    inputs: example.ids.slice(0, -1),
    targets: example.ids.slice(1),
    weights: example.lossMask.slice(1),
  };
}
