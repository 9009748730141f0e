/** One sequence being generated: its draws, stop state, streamed text and result. */
import { uniformGenerator } from "../kernels/random";
import { createStreamDecoder, type StreamDecoder } from "../tokenizers/stream";
import type { FinishReason, ResolvedOptions } from "./options";
import { sampleToken } from "./sampling";
import { StopText } from "./stop-text";

/** One generated token, as streamed. */
export interface GeneratedToken {
  id: number;
  /**
   * Text this token completes (with a tokenizer): "" while a character is incomplete or the text may
   * still begin a stop sequence; it is released with a later token. Stop sequences never appear in it.
   */
  text?: string;
  /** Set on the last token when it ends generation ("stop": it is a stop token or completes a stop sequence). */
  finishReason?: FinishReason;
}

/** What one generation produced. */
export interface GenerationResult {
  /** The decoded text, stop sequence excluded ("" without a tokenizer). */
  text: string;
  /** Every generated id, the stop token (or the tokens of a stop sequence) included. */
  tokens: number[];
  finishReason: FinishReason;
}

/** The state of one sequence; `step` consumes the logits of its next position. */
export class SequenceState {
  readonly tokens: number[] = [];
  text = "";
  finishReason?: FinishReason;
  private readonly random: () => number;
  private readonly decoder?: StreamDecoder;
  private readonly stopText: StopText;

  constructor(
    private readonly options: ResolvedOptions,
    /** New tokens allowed (see tokenBudget); 0 finishes at once with "length". */
    private readonly budget: number,
    seed: number,
  ) {
    this.random = uniformGenerator(seed);
    if (options.tokenizer) this.decoder = createStreamDecoder(options.tokenizer, { skipSpecialTokens: true });
    this.stopText = new StopText(options.stopSequences);
    if (budget === 0) this.finishReason = "length";
  }

  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /** Samples the next token from its logits row, updates the stop state and returns the token. */
  step(logits: ArrayLike<number>): GeneratedToken {
    if (this.finished) throw new Error("the sequence has finished");
    const id = sampleToken(logits, this.options.sampling, this.random);
    this.tokens.push(id);
    let text = "";
    if (this.options.stopIds.has(id)) {
      text = this.release(this.decoder?.flush() ?? "", true);
      this.finishReason ??= "stop";
    } else if (this.decoder) {
      text = this.release(this.decoder.push(id), false);
    }
    if (!this.finished && this.tokens.length >= this.budget) {
      text += this.release(this.decoder?.flush() ?? "", true);
      this.finishReason ??= "length";
    }
    this.text += text;
    const token: GeneratedToken = this.decoder ? { id, text } : { id };
    if (this.finishReason) token.finishReason = this.finishReason;
    return token;
  }

  /** Ends the sequence early (abort); text still held back is dropped. */
  abort(): void {
    this.finishReason ??= "abort";
  }

  result(): GenerationResult {
    return { text: this.text, tokens: [...this.tokens], finishReason: this.finishReason ?? "abort" };
  }

  /** Passes decoded text through stop-sequence matching; `end` releases everything held. */
  private release(piece: string, end: boolean): string {
    const { text, stopped } = this.stopText.push(piece);
    if (stopped) {
      this.finishReason = "stop";
      return text;
    }
    return end ? text + this.stopText.flush() : text;
  }
}
