/**
 * Stop-sequence matching on streamed text: releases text only once it can no longer be the start of a
 * stop sequence, so a stop sequence is never emitted, even when it spans several tokens.
 */
export class StopText {
  private pending = "";

  constructor(private readonly sequences: readonly string[]) {
    for (const sequence of sequences) if (sequence === "") throw new RangeError("stop sequences must not be empty");
  }

  /** Adds a piece of text; returns what can be released and whether a stop sequence was completed. */
  push(piece: string): { text: string; stopped: boolean } {
    this.pending += piece;
    let stopAt = -1;
    for (const sequence of this.sequences) {
      const at = this.pending.indexOf(sequence);
      if (at >= 0 && (stopAt < 0 || at < stopAt)) stopAt = at;
    }
    if (stopAt >= 0) {
      const text = this.pending.slice(0, stopAt);
      this.pending = "";
      return { text, stopped: true };
    }
    const held = this.heldLength();
    const text = this.pending.slice(0, this.pending.length - held);
    this.pending = this.pending.slice(this.pending.length - held);
    return { text, stopped: false };
  }

  /** Releases everything held back (the stream ended without completing a stop sequence). */
  flush(): string {
    const text = this.pending;
    this.pending = "";
    return text;
  }

  /** Length of the longest suffix of the pending text that is a proper prefix of a stop sequence. */
  private heldLength(): number {
    let longest = 0;
    for (const sequence of this.sequences) {
      for (let n = Math.min(sequence.length - 1, this.pending.length); n > longest; n--) {
        if (this.pending.endsWith(sequence.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest;
  }
}
