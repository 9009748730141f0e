import { describe, expect, it } from "vitest";
import {
  checkColumnsForTask,
  columnMappingSchema,
  defaultColumns,
  describeColumns,
  mapRow,
  missingFields,
  sharedFields,
  tasksForKinds,
} from "./columns";

describe("default mappings", () => {
  it("reads each kind's fields for each task it can feed", () => {
    expect(defaultColumns("causal_lm", "text")).toEqual({ text: ["text"] });
    expect(defaultColumns("causal_lm", "instruction")).toEqual({ text: ["prompt", "completion"] });
    expect(defaultColumns("causal_lm", "labelled")).toEqual({ text: ["text"] });
    expect(defaultColumns("instruction", "labelled")).toEqual({ prompt: "text", completion: "label" });
    expect(defaultColumns("classification", "instruction")).toEqual({ text: ["prompt"], label: "completion" });
  });

  it("has none where the kind has too few fields", () => {
    expect(defaultColumns("instruction", "text")).toBeNull();
    expect(defaultColumns("classification", "text")).toBeNull();
    expect(tasksForKinds(["text", "labelled"])).toEqual(["causal_lm"]);
    expect(tasksForKinds([])).toEqual(["causal_lm", "instruction", "classification"]);
  });

  it("offers only the fields every kind has", () => {
    expect(sharedFields(["labelled", "text"])).toEqual(["text"]);
    expect(sharedFields(["instruction"])).toEqual(["prompt", "completion"]);
    expect(sharedFields([])).toEqual([]);
  });
});

describe("a run's own mapping", () => {
  it("must map every role of the task and nothing else", () => {
    expect(checkColumnsForTask("instruction", { prompt: "text", completion: "label" })).toEqual([]);
    expect(checkColumnsForTask("instruction", { prompt: "text" })).toEqual([
      { path: "data.columns.completion", message: "an instruction run needs a completion column" },
    ]);
    const extra = checkColumnsForTask("causal_lm", { text: ["text"], label: "label" });
    expect(extra).toEqual([
      { path: "data.columns.label", message: "a causal LM run reads only text columns, not label" },
    ]);
  });

  it("refuses a label that is also part of the text, and a prompt that is its own completion", () => {
    expect(checkColumnsForTask("classification", { text: ["text", "label"], label: "label" })[0]?.path).toBe(
      "data.columns.label",
    );
    expect(checkColumnsForTask("instruction", { prompt: "text", completion: "text" })[0]?.path).toBe(
      "data.columns.completion",
    );
  });

  it("names the fields a kind lacks", () => {
    expect(missingFields("labelled", { prompt: "prompt", completion: "label" })).toEqual(["prompt"]);
    expect(missingFields("labelled", { text: ["text"], label: "label" })).toEqual([]);
  });

  it("parses strictly", () => {
    expect(columnMappingSchema.safeParse({ text: [] }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ text: ["text", "text"] }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ prompt: "body" }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ answer: "text" }).success).toBe(false);
  });
});

describe("mapRow", () => {
  it("joins text columns by a newline, skipping empty ones, and trims labels", () => {
    expect(mapRow("causal_lm", { text: ["prompt", "completion"] }, { prompt: "Q", completion: "" })).toEqual({
      task: "causal_lm",
      text: "Q",
    });
    expect(
      mapRow("classification", { text: ["prompt"], label: "completion" }, { prompt: "hi", completion: " yes\n" }),
    ).toEqual({ task: "classification", text: "hi", label: "yes" });
  });

  it("describes a mapping in words", () => {
    expect(describeColumns("instruction", { prompt: "text", completion: "label" })).toBe(
      "prompt ← text, completion ← label",
    );
    expect(describeColumns("causal_lm", { text: ["prompt", "completion"] })).toBe("text ← prompt + completion");
  });
});
