import { describe, expect, it } from "vitest";
import { parseRunConfig, type RunConfig } from "../config";
import { RunDataError, type RunRow, splitRunRows } from "./data";

const config = (data: Record<string, unknown>): RunConfig => {
  const parsed = parseRunConfig({
    data: { versions: [{ datanetId: "dn", version: 1 }], validationSplit: 0.25, ...data },
  });
  return { ...parsed, name: "t", data: { ...parsed.data, task: parsed.data.task ?? "causal_lm" } };
};
const labelled = (n: number): RunRow[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "labelled", fields: { text: `m${i}`, label: i % 2 ? "spam" : "ham" } }));

describe("splitRunRows", () => {
  it("holds out the validation share by the seeded shuffle", () => {
    const rows = splitRunRows(config({ task: "classification" }), labelled(8));
    expect(rows.task).toBe("classification");
    expect(rows.train).toHaveLength(6);
    expect(rows.validation).toHaveLength(2);
  });

  it("reads each kind through its default mapping", () => {
    const mixed: RunRow[] = [
      { kind: "text", fields: { text: "plain" } },
      { kind: "instruction", fields: { prompt: "Q", completion: "A" } },
      { kind: "labelled", fields: { text: "hello", label: "ham" } },
    ];
    const rows = splitRunRows(config({ task: "causal_lm", validationSplit: 0 }), mixed);
    expect(rows.train).toEqual(["plain", "Q\nA", "hello"]);
  });

  it("follows the run's own mapping", () => {
    const rows = splitRunRows(
      config({ task: "instruction", validationSplit: 0, columns: { prompt: "text", completion: "label" } }),
      labelled(2),
    );
    expect(rows.train).toEqual([
      { prompt: "m0", completion: "ham" },
      { prompt: "m1", completion: "spam" },
    ]);
    const lm = splitRunRows(config({ validationSplit: 0, columns: { text: ["text", "label"] } }), labelled(1));
    expect(lm.train).toEqual(["m0\nham"]);
  });

  it("labels an instruction Datanet's completions, sorted, trimmed", () => {
    const rows = splitRunRows(config({ task: "classification", validationSplit: 0 }), [
      { kind: "instruction", fields: { prompt: "a", completion: "yes\n" } },
      { kind: "instruction", fields: { prompt: "b", completion: "no" } },
    ]);
    expect(rows.task === "classification" && rows.labels).toEqual(["no", "yes"]);
  });

  it("fails readably on rows the task cannot read", () => {
    expect(() => splitRunRows(config({ task: "instruction" }), [{ kind: "text", fields: { text: "x" } }])).toThrow(
      RunDataError,
    );
    expect(() => splitRunRows(config({ task: "classification" }), labelled(1))).toThrow(/at least two labels/);
    expect(() => splitRunRows(config({}), [])).toThrow(/no rows/);
  });
});
