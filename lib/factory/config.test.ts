import { describe, expect, it } from "vitest";
import { listCatalog } from "@/lib/ml/catalog/catalog";
import { checkBaseModel } from "./base-models/resolve";
import {
  LIMITS,
  PRESETS,
  parseRunConfig,
  presetMethod,
  runConfigSchema,
  totalStepsFor,
  trainingRowCount,
} from "./config";

const data = { versions: [{ datanetId: "dn1", version: 1 }] };

/** The issues of a config that must be refused (by the schema, else against its base model), as "path: message". */
function issues(input: unknown): string[] {
  const result = runConfigSchema.safeParse(input);
  const found = result.success
    ? checkBaseModel(result.data)
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  expect(found.length).toBeGreaterThan(0);
  return found.map((issue) => `${issue.path}: ${issue.message}`);
}

describe("run config defaults and presets", () => {
  it("fills every field from the Quick preset when only the data is given", () => {
    const config = runConfigSchema.parse({ data });
    expect(config).toEqual({
      baseModel: "mf-prose-byte",
      data: { ...data, validationSplit: 0.1 },
      method: { ...PRESETS.quick.method, seed: 42 },
    });
    expect(config.data.task).toBeUndefined();
    expect(config.name).toBeUndefined();
  });

  it("Quick trains a few dozen steps on a demo-sized Datanet (300 rows)", () => {
    const steps = totalStepsFor(runConfigSchema.parse({ data, preset: "quick" }), 300);
    expect(steps).toBeGreaterThanOrEqual(20);
    expect(steps).toBeLessThanOrEqual(60);
  });

  it("orders the presets by work: Quick < Balanced < Thorough", () => {
    const steps = (["quick", "balanced", "thorough"] as const).map((preset) => {
      const config = runConfigSchema.parse({ data, preset });
      expect(config.method).toMatchObject(PRESETS[preset].method);
      return totalStepsFor(config, 300) * config.method.batchSize * config.method.gradientAccumulation;
    });
    expect(steps[0]).toBeLessThan(steps[1] as number);
    expect(steps[1]).toBeLessThan(steps[2] as number);
  });

  it("gives a classifier more passes, for the config's own task or the one inferred from its Datanet", () => {
    const own = parseRunConfig({ data: { ...data, task: "classification" }, preset: "quick" });
    expect(own.method.epochs).toBe(PRESETS.quick.classification.epochs);
    expect(parseRunConfig({ data, preset: "quick" }, "classification").method.epochs).toBe(3);
    // A task the config names wins over the inferred one; explicit fields win over both.
    expect(
      parseRunConfig({ data: { ...data, task: "causal_lm" }, preset: "quick" }, "classification").method.epochs,
    ).toBe(1);
    expect(parseRunConfig({ data, preset: "quick", method: { epochs: 2 } }, "classification").method.epochs).toBe(2);
    expect(presetMethod("balanced", "classification")).toMatchObject({ ...PRESETS.balanced.method, epochs: 5 });
  });

  it("lets explicit method fields win over the preset", () => {
    const config = runConfigSchema.parse({ data, preset: "thorough", method: { rank: 4, learningRate: 0.01 } });
    expect(config.method.rank).toBe(4);
    expect(config.method.learningRate).toBe(0.01);
    expect(config.method.epochs).toBe(PRESETS.thorough.method.epochs);
  });

  it("keeps every preset within the shipped base models' context and modules", () => {
    for (const base of listCatalog()) {
      for (const preset of ["quick", "balanced"] as const) {
        expect(checkBaseModel(runConfigSchema.parse({ data, preset, baseModel: base.id }))).toEqual([]);
      }
    }
  });

  it("accepts an explicit task, name and several versions", () => {
    const config = runConfigSchema.parse({
      name: "  My run ",
      data: { versions: [...data.versions, { datanetId: "dn2", version: 3 }], task: "causal_lm", validationSplit: 0 },
    });
    expect(config.name).toBe("My run");
    expect(config.data.task).toBe("causal_lm");
    expect(config.data.versions).toHaveLength(2);
  });
});

describe("run config bounds name the field", () => {
  it.each([
    ["method.rank", { rank: 0 }, "LoRA rank must be at least 1"],
    ["method.rank", { rank: 1.5 }, "LoRA rank must be a whole number"],
    ["method.rank", { rank: LIMITS.rank.max + 1 }, `LoRA rank must be at most ${LIMITS.rank.max}`],
    ["method.alpha", { alpha: 0 }, "LoRA alpha must be greater than 0"],
    ["method.dropout", { dropout: 0.95 }, "LoRA dropout must be at most 0.9"],
    ["method.dropout", { dropout: -0.1 }, "LoRA dropout must be at least 0"],
    ["method.targetModules", { targetModules: [] }, "LoRA needs at least one target module"],
    ["method.epochs", { epochs: 0 }, "epochs must be at least 1"],
    ["method.learningRate", { learningRate: 10 }, "learning rate must be at most 0.1"],
    ["method.learningRate", { learningRate: 0 }, "learning rate must be greater than 0"],
    ["method.learningRate", { learningRate: "fast" }, "learning rate must be a number"],
    ["method.batchSize", { batchSize: 0 }, "batch size must be at least 1"],
    ["method.gradientAccumulation", { gradientAccumulation: 65 }, "gradient accumulation must be at most 64"],
    ["method.contextLength", { contextLength: 4 }, "context length must be at least 8"],
    ["method.warmupSteps", { warmupSteps: -1 }, "warmup steps must be at least 0"],
    ["method.seed", { seed: -1 }, "seed must be at least 0"],
    ["method.checkpointEvery", { checkpointEvery: 0 }, "checkpoint interval must be at least 1"],
  ])("%s: %j", (path, method, message) => {
    expect(issues({ data, method })).toContain(`${path}: ${message}`);
  });

  it("rejects a context length above the base model's, naming the base", () => {
    expect(issues({ data, method: { contextLength: 512 } })).toContain(
      "method.contextLength: context length must be at most 256, the context length of mf-prose-byte",
    );
  });

  it("rejects target modules of another family", () => {
    const found = issues({ data, baseModel: "mf-code-byte", method: { targetModules: ["q", "fc"] } });
    expect(found).toEqual([expect.stringMatching(/^method\.targetModules\.1: LoRA target module "fc" does not exist/)]);
    expect(issues({ data, method: { targetModules: ["attn"] } })[0]).toMatch(/^method\.targetModules\.0: /);
  });

  it("rejects a base model outside the catalog", () => {
    expect(issues({ data, baseModel: "gpt-5" })[0]).toMatch(/^baseModel: base model "gpt-5" is not in the catalog/);
  });

  it("rejects missing, empty, duplicated or malformed data", () => {
    expect(issues({})[0]).toMatch(/^data: /);
    expect(issues({ data: { versions: [] } })).toContain(
      "data.versions: choose at least one published Datanet version",
    );
    expect(issues({ data: { versions: [data.versions[0], data.versions[0]] } })).toContain(
      "data.versions.1: version 1 of Datanet dn1 is listed twice",
    );
    expect(issues({ data: { versions: [{ datanetId: "dn1", version: 0 }] } })).toContain(
      "data.versions.0.version: version must be at least 1",
    );
    expect(issues({ data: { ...data, task: "chat" } })[0]).toMatch(/^data\.task: task must be one of/);
    expect(issues({ data: { ...data, validationSplit: 0.9 } })).toContain(
      "data.validationSplit: validation split must be at most 0.5",
    );
  });

  it("rejects unknown fields and unknown presets", () => {
    expect(issues({ data, method: { lr: 0.1 } })[0]).toMatch(/^method: /);
    expect(issues({ data, preset: "turbo" })[0]).toMatch(/^preset: preset must be one of quick, balanced, thorough/);
    expect(issues({ data, name: "" })).toContain("name: name must not be empty");
  });
});

describe("total steps", () => {
  it("counts optimizer steps over the training rows (validation held out)", () => {
    expect(trainingRowCount(300, 0.1)).toBe(270);
    expect(trainingRowCount(1, 0.5)).toBe(1);
    expect(trainingRowCount(0, 0.1)).toBe(0);
    const config = runConfigSchema.parse({ data, method: { epochs: 2, batchSize: 8, gradientAccumulation: 2 } });
    expect(totalStepsFor(config, 300)).toBe(Math.ceil((270 * 2) / 16));
    expect(totalStepsFor(config, 0)).toBe(1);
  });
});
