import { describe, expect, it } from "vitest";
import { firstJsonLines, formatExample } from "./example-preview";

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

describe("firstJsonLines", () => {
  it("reads the first objects of JSONL, skipping blank and cut lines", () => {
    const chunk = '{"text":"a"}\n\n{"text":"b"}\n{"text":"c"}\n{"te';
    expect(firstJsonLines(chunk, 2)).toEqual([{ text: "a" }, { text: "b" }]);
    expect(firstJsonLines(chunk, 9)).toEqual([{ text: "a" }, { text: "b" }, { text: "c" }]);
  });
});
