import { describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { guessMapping, resolveMapping } from "./mapping";

describe("guessMapping", () => {
  it("recognises common column names per kind", () => {
    expect(guessMapping(["id", "Instruction", "Response"], "instruction")).toEqual({
      prompt: "Instruction",
      completion: "Response",
    });
    expect(guessMapping(["sentence", "category"], "labelled")).toEqual({ text: "sentence", label: "category" });
    expect(guessMapping(["Body"], "text")).toEqual({ text: "Body" });
  });

  it("prefers the more specific synonym and never maps one column twice", () => {
    expect(guessMapping(["input", "instruction", "output"], "instruction")).toEqual({
      prompt: "instruction",
      completion: "output",
    });
  });

  it("takes the only column of a text file when it reads like a name, not like data", () => {
    expect(guessMapping(["review"], "text")).toEqual({ text: "review" });
    expect(guessMapping(["This is a sentence, not a header."], "text")).toEqual({});
  });
});

describe("resolveMapping", () => {
  it("completes a partial mapping with guesses", () => {
    expect(resolveMapping("a.csv", ["q", "answer"], "instruction", { prompt: "q" })).toEqual({
      prompt: "q",
      completion: "answer",
    });
  });

  it("names the missing mapped column and the columns present", () => {
    let error: unknown;
    try {
      resolveMapping("a.csv", ["q", "a"], "instruction", { prompt: "question", completion: "a" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    const e = error as IngestError;
    expect(e.status).toBe(422);
    expect(e.code).toBe("missing_column");
    expect(e.message).toContain('no column "question"');
    expect(e.message).toContain('"q", "a"');
    expect(e.details).toMatchObject({ column: "question", columns: ["q", "a"] });
  });

  it("asks for a mapping when a field cannot be guessed", () => {
    expect(() => resolveMapping("a.csv", ["foo", "label"], "labelled")).toThrow(/no column for "text"/);
  });
});
