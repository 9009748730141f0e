import { describe, expect, it } from "vitest";
import { firstJsonLines, formatExample, lengthNote } from "./example-preview";

describe("formatExample", () => {
  const pair = { prompt: "What is CWE-78?", completion: "OS command injection." };

  it("templates an instruction pair's prompt and keeps its completion", () => {
    expect(formatExample("instruction", { prompt: "prompt", completion: "completion" }, pair)).toEqual({
      shape: "prompt-completion",
      prompt: "### Instruction:\nWhat is CWE-78?\n\n### Response:\n",
      completion: "OS command injection.",
    });
  });

  it("pairs a labelled row's text with its label", () => {
    expect(
      formatExample("classification", { text: ["text"], label: "label" }, { text: "Win a cruise", label: "spam" }),
    ).toEqual({
      shape: "text-label",
      text: "Win a cruise",
      label: "spam",
    });
  });

  it("reads text for causal LM as the trainer packs it: the mapped columns joined by a newline", () => {
    expect(formatExample("causal_lm", { text: ["text"] }, { text: "Call me Ishmael." })).toEqual({
      shape: "text",
      text: "Call me Ishmael.",
    });
    expect(formatExample("causal_lm", { text: ["prompt", "completion"] }, pair)).toEqual({
      shape: "text",
      text: "What is CWE-78?\nOS command injection.",
    });
  });

  it("follows a custom mapping: a labelled row as an instruction pair", () => {
    expect(
      formatExample("instruction", { prompt: "text", completion: "label" }, { text: "Win a cruise", label: "spam" }),
    ).toEqual({
      shape: "prompt-completion",
      prompt: "### Instruction:\nWin a cruise\n\n### Response:\n",
      completion: "spam",
    });
  });
});

describe("lengthNote", () => {
  it("says nothing of an example that fits, and how a long one is cut, by shape", () => {
    expect(lengthNote({ shape: "text", text: "short" }, 128)).toBeNull();
    expect(lengthNote({ shape: "text-label", text: "x".repeat(300), label: "spam" }, 128)).toMatch(
      /300 tokens: the classifier reads the first 128/,
    );
    expect(lengthNote({ shape: "prompt-completion", prompt: "p".repeat(200), completion: "ok" }, 128)).toMatch(
      /203 tokens.*the prompt loses its start/,
    );
    // UTF-8: "é" is two bytes, so two tokens for the byte-level models.
    expect(lengthNote({ shape: "text", text: "é".repeat(100) }, 128)).toMatch(/^200 tokens: packed/);
  });
});

describe("firstJsonLines", () => {
  it("reads the first objects of JSONL, skipping blank and cut lines", () => {
    const chunk = '{"text":"a"}\n\n{"text":"b"}\n{"text":"c"}\n{"te';
    expect(firstJsonLines(chunk, 2)).toEqual([{ text: "a" }, { text: "b" }]);
    expect(firstJsonLines(chunk, 9)).toEqual([{ text: "a" }, { text: "b" }, { text: "c" }]);
  });
});
