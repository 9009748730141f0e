import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/factory/config";
import { catalogModel } from "@/lib/ml/catalog/catalog";
import {
  applyChange,
  type ChosenVersion,
  changedFromPreset,
  checkDraft,
  compatibleTasks,
  draftKey,
  draftToConfig,
  effectiveColumns,
  effectiveTask,
  emptyDraft,
  issueFor,
  plannedSteps,
  restoreDraft,
  stepOfPath,
  withPreset,
} from "./wizard-draft";

const prose = catalogModel("mf-prose-byte");

const spam: ChosenVersion = {
  datanetId: "dn_spam",
  datanetName: "Spam or ham",
  datanetSlug: "spam-or-ham",
  kind: "labelled",
  version: 1,
  rowCount: 300,
  merkleRoot: `0x${"ab".repeat(32)}`,
};

describe("draftToConfig", () => {
  it("maps a draft to the launch API's config, leaving an unchosen task and an empty name out", () => {
    const config = draftToConfig({ ...emptyDraft(), versions: [spam] });
    expect(config).toEqual({
      baseModel: "mf-prose-byte",
      preset: "quick",
      data: { versions: [{ datanetId: "dn_spam", version: 1 }], validationSplit: 0.1 },
      method: { ...PRESETS.quick.method, seed: 42 },
    });
  });

  it("sends a task chosen by hand and a trimmed name", () => {
    const config = draftToConfig({ ...emptyDraft(), versions: [spam], task: "classification", name: "  Spam v1 " });
    expect(config.name).toBe("Spam v1");
    expect(config.data.task).toBe("classification");
  });
});

describe("checkDraft", () => {
  it("accepts the Quick preset on a chosen version", () => {
    expect(checkDraft({ ...emptyDraft(), versions: [spam] }, prose)).toEqual([]);
  });

  it("names the field of each problem as the API does", () => {
    const draft = emptyDraft();
    const issues = checkDraft(
      {
        ...draft,
        method: { ...draft.method, rank: 0, learningRate: 10, contextLength: 4096 },
      },
      prose,
    );
    expect(issueFor(issues, "data.versions")).toMatch(/at least one/);
    expect(issueFor(issues, "method.rank")).toMatch(/at least 1/);
    expect(issueFor(issues, "method.learningRate")).toMatch(/at most 0.1/);
    expect(issueFor(issues, "method.contextLength")).toMatch(/at most 256/);
  });

  it("flags a target module the base model's family lacks", () => {
    const draft = emptyDraft();
    const issues = checkDraft(
      {
        ...draft,
        versions: [spam],
        method: { ...draft.method, targetModules: ["q", "gate"] },
      },
      prose,
    );
    expect(issues.map((i) => i.path)).toEqual(["method.targetModules.1"]);
    expect(issueFor(issues, "method.targetModules")).toMatch(/gate/);
  });

  it("flags a base model no card shows (a draft naming a checkpoint since removed)", () => {
    const issues = checkDraft({ ...emptyDraft(), versions: [spam], baseModel: "local/gone" }, undefined);
    expect(issues).toEqual([{ path: "baseModel", message: expect.stringMatching(/"local\/gone" is not available/) }]);
  });
});

describe("steps and presets", () => {
  it("places each config path on its wizard step", () => {
    expect(stepOfPath("baseModel")).toBe(0);
    expect(stepOfPath("data.versions.0.version")).toBe(1);
    expect(stepOfPath("method.rank")).toBe(2);
    expect(stepOfPath("name")).toBe(3);
  });

  it("applies a preset keeping the seed, and lists fields changed since", () => {
    const draft = withPreset({ ...emptyDraft(), method: { ...emptyDraft().method, seed: 7 } }, "thorough");
    expect(draft.method).toEqual({ ...PRESETS.thorough.method, seed: 7 });
    expect(changedFromPreset(draft)).toEqual([]);
    expect(changedFromPreset({ ...draft, method: { ...draft.method, rank: 4, targetModules: ["q"] } })).toEqual([
      "rank",
      "targetModules",
    ]);
  });

  it("computes total steps with lib/factory's formula", () => {
    // 300 rows, 10 % held out → 270 examples, batch 8 → 34 steps (the Quick preset's documented count).
    expect(plannedSteps({ ...emptyDraft(), versions: [spam] })).toBe(34);
    expect(plannedSteps(emptyDraft())).toBeNull();
  });
});

describe("tasks", () => {
  it("infers the task from the first Datanet's kind unless one is chosen", () => {
    expect(effectiveTask(emptyDraft())).toBeNull();
    expect(effectiveTask({ ...emptyDraft(), versions: [spam] })).toBe("classification");
    expect(effectiveTask({ ...emptyDraft(), versions: [spam], task: "causal_lm" })).toBe("causal_lm");
  });

  it("offers only the tasks every chosen kind fits", () => {
    expect(compatibleTasks(["instruction"])).toEqual(["causal_lm", "instruction", "classification"]);
    expect(compatibleTasks(["instruction", "text"])).toEqual(["causal_lm"]);
    expect(compatibleTasks(["labelled"])).toEqual(["causal_lm", "instruction", "classification"]);
    expect(compatibleTasks(["text"])).toEqual(["causal_lm"]);
    expect(compatibleTasks([])).toEqual(["causal_lm", "instruction", "classification"]);
  });
});

describe("presets follow the task", () => {
  it("applies the classifier's values when the data makes the run a classifier, unless the method was edited", () => {
    const draft = emptyDraft();
    const chosen = applyChange(draft, { versions: [spam] });
    expect(chosen.method.epochs).toBe(PRESETS.quick.classification.epochs);
    expect(changedFromPreset(chosen)).toEqual([]);
    const edited = { ...draft, method: { ...draft.method, rank: 4 } };
    expect(applyChange(edited, { versions: [spam] }).method).toEqual(edited.method);
    // Back to a language model: one pass again.
    expect(applyChange(chosen, { task: "causal_lm" }).method.epochs).toBe(PRESETS.quick.method.epochs);
  });
});

describe("column mapping", () => {
  it("sends a chosen mapping, and shows each kind's default otherwise", () => {
    const auto = { ...emptyDraft(), versions: [spam] };
    expect(draftToConfig(auto).data.columns).toBeUndefined();
    expect(effectiveColumns(auto)).toEqual({ text: ["text"], label: "label" });
    const own = {
      ...auto,
      task: "instruction" as const,
      columns: { prompt: "text" as const, completion: "label" as const },
    };
    expect(draftToConfig(own).data.columns).toEqual({ prompt: "text", completion: "label" });
    expect(effectiveColumns(own)).toEqual({ prompt: "text", completion: "label" });
  });

  it("flags a mapping that does not fit the task, on the role's path", () => {
    const draft = { ...emptyDraft(), versions: [spam], task: "instruction" as const };
    const issues = checkDraft({ ...draft, columns: { prompt: "text", completion: "text" } }, prose);
    expect(issueFor(issues, "data.columns.completion")).toMatch(/another column than the prompt/);
    expect(issueFor(checkDraft({ ...draft, columns: { prompt: "text" } }, prose), "data.columns.completion")).toMatch(
      /needs a completion column/,
    );
  });

  it("restores a draft saved before mappings existed as automatic", () => {
    const { columns: _columns, ...old } = { ...emptyDraft(), versions: [spam] };
    expect(restoreDraft(JSON.parse(JSON.stringify(old)))?.columns).toBeNull();
  });
});

describe("draft storage", () => {
  it("keys drafts per address, case-insensitively", () => {
    expect(draftKey("0xAbC")).toBe(draftKey("0xabc"));
    expect(draftKey("0xabc")).not.toBe(draftKey("0xdef"));
  });

  it("round-trips through JSON, a cleared number coming back as NaN", () => {
    const draft = { ...emptyDraft(), step: 2, versions: [spam], name: "x" };
    const cleared = { ...draft, method: { ...draft.method, rank: Number.NaN } };
    expect(restoreDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(restoreDraft(JSON.parse(JSON.stringify(cleared)))?.method.rank).toBeNaN();
  });

  it("drops a stored value that is not a draft", () => {
    expect(restoreDraft(null)).toBeNull();
    expect(restoreDraft({ step: 9 })).toBeNull();
    expect(restoreDraft({ ...emptyDraft(), preset: "turbo" })).toBeNull();
  });
});
