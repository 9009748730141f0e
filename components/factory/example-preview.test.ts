import { describe, expect, it } from "vitest";
import { firstJsonLines, formatExample } from "./example-preview";

describe("formatExample", () => {
  it("templates an instruction pair's prompt and keeps its completion", () => {
    expect(formatExample("instruction", { prompt: "What is CWE-78?", completion: "OS command injection." })).toEqual({
      shape: "prompt-completion",
      prompt: "### Instruction:\nWhat is CWE-78?\n\n### Response:\n",
      completion: "OS command injection.",
    });
  });

  it("pairs a labelled row's text with its label", () => {
    expect(formatExample("classification", { text: "Win a cruise", label: "spam" })).toEqual({
      shape: "text-label",
      text: "Win a cruise",
      label: "spam",
    });
  });

  it("keeps raw text for causal LM, and reads an instruction pair as its whole templated text", () => {
    expect(formatExample("causal_lm", { text: "Call me Ishmael." })).toEqual({
      shape: "text",
      text: "Call me Ishmael.",
    });
    expect(formatExample("causal_lm", { prompt: "Hi", completion: "Hello" })).toEqual({
      shape: "text",
      text: "### Instruction:\nHi\n\n### Response:\nHello",
    });
  });
});

describe("firstJsonLines", () => {
  it("reads the first objects of JSONL, skipping blank and cut lines", () => {
    const chunk = '{"text":"a"}\n\n{"text":"b"}\n{"text":"c"}\n{"te';
    expect(firstJsonLines(chunk, 2)).toEqual([{ text: "a" }, { text: "b" }]);
    expect(firstJsonLines(chunk, 9)).toEqual([{ text: "a" }, { text: "b" }, { text: "c" }]);
  });
});
