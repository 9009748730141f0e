import { describe, expect, it } from "vitest";
import { TINY_GPT2, TINY_LLAMA } from "../model/test-configs";
import { type LoraConfig, LoraConfigError, loraScale, validateLoraConfig } from "./config";

const base: LoraConfig = { rank: 8, alpha: 16, dropout: 0.05, targetModules: ["v", "q"] };

describe("validateLoraConfig", () => {
  it("orders and deduplicates the targets", () => {
    expect(validateLoraConfig({ ...base, targetModules: ["v", "q", "v"] }, TINY_GPT2).targetModules).toEqual([
      "q",
      "v",
    ]);
    expect(loraScale(base)).toBe(2);
  });

  it("names each family's MLP modules", () => {
    expect(() => validateLoraConfig({ ...base, targetModules: ["fc", "proj"] }, TINY_GPT2)).not.toThrow();
    expect(() => validateLoraConfig({ ...base, targetModules: ["gate", "up", "down"] }, TINY_LLAMA)).not.toThrow();
    expect(() => validateLoraConfig({ ...base, targetModules: ["gate"] }, TINY_GPT2)).toThrow(
      /"gate" do not exist in gpt2: choose from q, k, v, o, fc, proj/,
    );
  });

  it.each([
    [{ rank: 0 }, /rank/],
    [{ rank: 2.5 }, /rank/],
    [{ alpha: 0 }, /alpha/],
    [{ dropout: 1 }, /dropout/],
    [{ targetModules: [] }, /at least one/],
  ])("rejects %o", (change, message) => {
    expect(() => validateLoraConfig({ ...base, ...change } as LoraConfig, TINY_GPT2)).toThrow(LoraConfigError);
    expect(() => validateLoraConfig({ ...base, ...change } as LoraConfig, TINY_GPT2)).toThrow(message);
  });
});
