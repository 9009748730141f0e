/**
 * Chat messages → the prompt a model sees, by what its adapter was trained for (pure: no I/O).
 *
 * - `instruction` (lib/ml/data/template): every exchange as the trainer encoded a pair, an answered one
 *   followed by the EOS the trainer put after each completion:
 *     [BOS if tokenizer.addBos] {system}"\n\n"
 *     "### Instruction:\n"{user}"\n\n### Response:\n"{assistant}<EOS>  … (earlier exchanges)
 *     "### Instruction:\n"{last user}"\n\n### Response:\n"
 * - `transcript` (a causal_lm adapter, or the bare base model): a plain dialogue
 *     {system}"\n\n" "User: "{user}"\nAssistant: "{assistant}"\n" … "User: "{last user}"\nAssistant: "
 *
 * Stop strings end the answer where the model starts the next user turn (left out of the output). Histories
 * longer than the context lose their oldest exchanges first; the system message and the last user turn stay.
 */
import { DEFAULT_TEMPLATE } from "@/lib/ml/data/template";
import type { Tokenizer } from "@/lib/ml/tokenizers/types";
import { ServingError } from "./errors";

export const CHAT_ROLES = ["system", "user", "assistant"] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** One OpenAI-style chat message. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** How a model is prompted: the instruction template it was fine-tuned on, or a plain transcript. */
export type ChatFormat = "instruction" | "transcript";

/** The format for an adapter's task (none: the bare base model); a classification adapter cannot chat. */
export function chatFormat(task: string | undefined): ChatFormat {
  if (task === "classification") {
    throw new ServingError(
      "not_a_chat_model",
      "This adapter was trained to classify: label texts with POST /v1/classify instead of chatting.",
      400,
    );
  }
  return task === "instruction" ? "instruction" : "transcript";
}

/** What {@link renderChat} needs besides the messages. */
export interface RenderChatOptions {
  format: ChatFormat;
  tokenizer: Tokenizer;
  /** Positions the model can address. */
  contextLength: number;
  /** Tokens to leave room for the answer (at most the context less one token is reserved). */
  maxTokens: number;
}

/** The rendered prompt. */
export interface RenderedChat {
  /** The prompt's token ids (BOS when the tokenizer adds one, as in training). */
  ids: number[];
  /** The prompt as text (the EOS shown as its special-token text), for display and tests. */
  text: string;
  /** Strings that end the answer: the start of the next user turn. */
  stop: string[];
  /** Messages of earlier turns (user and assistant) left out so that the rest fits the context. */
  truncatedTurns: number;
}

interface Exchange {
  user: string;
  assistant?: string;
  /** Messages it was made of (consecutive ones of one role are joined). */
  messages: number;
}

/** Stop strings by format: where the model would begin a new user turn. */
export const CHAT_STOPS: Readonly<Record<ChatFormat, readonly string[]>> = Object.freeze({
  instruction: [`\n${DEFAULT_TEMPLATE.instruction.trimEnd()}`, DEFAULT_TEMPLATE.instruction.trimEnd()],
  transcript: ["\nUser:"],
});

/** Groups the non-system messages into exchanges; the last must be a user message awaiting its answer. */
function exchanges(messages: readonly ChatMessage[]): Exchange[] {
  const list: Exchange[] = [];
  for (const message of messages) {
    if (message.role === "system") continue;
    const last = list.at(-1);
    if (message.role === "user") {
      if (last && last.assistant === undefined) {
        last.user = last.user === "" ? message.content : `${last.user}\n\n${message.content}`;
        last.messages++;
      } else list.push({ user: message.content, messages: 1 });
    } else if (!last) list.push({ user: "", assistant: message.content, messages: 1 });
    else {
      last.assistant = last.assistant === undefined ? message.content : `${last.assistant}\n\n${message.content}`;
      last.messages++;
    }
  }
  const last = list.at(-1);
  if (!last || last.assistant !== undefined || last.user === "") {
    throw new ServingError("invalid_request", "messages: the last message must be a user message to answer", 400);
  }
  return list;
}

type Piece = string | { eos: true };

function exchangePieces(format: ChatFormat, exchange: Exchange, hasEos: boolean): Piece[] {
  if (format === "instruction") {
    // Each part on its own, as encodeInstruction encodes them (the same ids with any tokenizer).
    const prompt = [DEFAULT_TEMPLATE.instruction, exchange.user, DEFAULT_TEMPLATE.response];
    if (exchange.assistant === undefined) return prompt;
    return [...prompt, exchange.assistant, ...(hasEos ? [{ eos: true as const }] : [])];
  }
  const prompt = `User: ${exchange.user}\nAssistant: `;
  return exchange.assistant === undefined ? [prompt] : [`${prompt}${exchange.assistant}\n`];
}

function encodePieces(tokenizer: Tokenizer, pieces: readonly Piece[]): number[] {
  return pieces.flatMap((piece) => (typeof piece === "string" ? tokenizer.encode(piece) : [tokenizer.eosId as number]));
}

/**
 * Renders `messages` for a model: the system messages (joined) first, then as many of the most recent
 * exchanges as fit `contextLength − maxTokens`, always the last user turn. Throws a ServingError (400) when
 * the messages are not a conversation to answer, or the system message and last user turn alone leave no
 * room for an answer.
 */
export function renderChat(messages: readonly ChatMessage[], options: RenderChatOptions): RenderedChat {
  const { format, tokenizer, contextLength } = options;
  const turns = exchanges(messages);
  const system = messages
    .filter((message) => message.role === "system" && message.content !== "")
    .map((message) => message.content)
    .join("\n\n");
  const hasEos = tokenizer.eosId !== undefined;
  const head: number[] = [
    ...(tokenizer.addBos && tokenizer.bosId !== undefined ? [tokenizer.bosId] : []),
    ...(system === "" ? [] : tokenizer.encode(`${system}\n\n`)),
  ];
  const encoded = turns.map((turn) => encodePieces(tokenizer, exchangePieces(format, turn, hasEos)));
  const last = encoded.at(-1) as number[];
  const required = head.length + last.length;
  if (required >= contextLength) {
    throw new ServingError(
      "context_length_exceeded",
      `messages: the system message and the last user message take ${required} tokens, and the model's context of ${contextLength} must keep room for the answer: shorten them`,
      400,
    );
  }
  const room = contextLength - Math.min(Math.max(options.maxTokens, 1), contextLength - 1);
  let used = required;
  let first = turns.length - 1;
  while (first > 0) {
    const size = (encoded[first - 1] as number[]).length;
    if (used + size > room) break;
    used += size;
    first--;
  }
  const kept = turns.slice(first);
  const pieces: Piece[] = [
    system === "" ? "" : `${system}\n\n`,
    ...kept.flatMap((t) => exchangePieces(format, t, hasEos)),
  ];
  const eosText = hasEos ? tokenizer.decode([tokenizer.eosId as number]) : "";
  return {
    ids: [...head, ...encoded.slice(first).flat()],
    text: pieces.map((piece) => (typeof piece === "string" ? piece : eosText)).join(""),
    stop: [...CHAT_STOPS[format]],
    truncatedTurns: turns.slice(0, first).reduce((sum, turn) => sum + turn.messages, 0),
  };
}
