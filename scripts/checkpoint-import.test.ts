import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../lib/ml/backend/init";
import { scanLocalCheckpoints } from "../lib/ml/catalog/local";
import { TINY_GPT2, writeTinyCheckpoint } from "../lib/ml/catalog/local-testing";
import { ImportError, importCheckpoint, parseImportArgs } from "./checkpoint-import";

const work = mkdtempSync(path.join(tmpdir(), "mf-ckpt-import-"));
const source = path.join(work, "Tiny-GPT2");
const root = path.join(work, "data", "checkpoints");

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  await writeTinyCheckpoint(source, TINY_GPT2);
  writeFileSync(path.join(source, "README.md"), "# Tiny GPT-2\n");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("checkpoint:import arguments", () => {
  it("takes one folder and an optional --name (the folder's name by default)", () => {
    expect(parseImportArgs([source])).toEqual({ source, name: "Tiny-GPT2" });
    expect(parseImportArgs([source, "--name", "prose"])).toEqual({ source, name: "prose" });
    expect(() => parseImportArgs([])).toThrow(/name exactly one checkpoint folder/);
    expect(() => parseImportArgs([source, "--name", "my model"])).toThrow(/"my model" cannot be a model name/);
    expect(() => parseImportArgs([source, "--from", "x"])).toThrow(ImportError);
  });
});

describe("importCheckpoint", () => {
  it("validates by importing, then copies the folder in under its name (no temporary folder left)", async () => {
    const model = await importCheckpoint({ source, name: "tiny" }, root);
    expect(model).toMatchObject({ id: "local/tiny", folder: path.join(root, "tiny"), tokenizer: "byte" });
    expect(readdirSync(root)).toEqual(["tiny"]);
    expect(readFileSync(path.join(root, "tiny", "README.md"), "utf8")).toBe("# Tiny GPT-2\n");
    expect(scanLocalCheckpoints(root).models.map((m) => m.id)).toEqual(["local/tiny"]);
  });

  it("refuses a name that is taken", async () => {
    await expect(importCheckpoint({ source, name: "tiny" }, root)).rejects.toThrow(
      /local\/tiny already exists .*choose another --name/,
    );
  });

  it("refuses a folder that does not load, saying why, and copies nothing", async () => {
    await expect(importCheckpoint({ source: path.join(work, "nope"), name: "nope" }, root)).rejects.toThrow(
      /is not a folder/,
    );
    const broken = path.join(work, "broken");
    await writeTinyCheckpoint(broken, TINY_GPT2);
    writeFileSync(
      path.join(broken, "config.json"),
      JSON.stringify({ ...JSON.parse(readFileSync(path.join(broken, "config.json"), "utf8")), n_positions: 48 }),
    );
    await expect(importCheckpoint({ source: broken, name: "broken" }, root)).rejects.toThrow(
      /cannot be imported: tensor "transformer\.wpe\.weight" has shape \[24, 16\] but config\.json implies \[48, 16\]/,
    );
    // Truncated weights are refused too.
    const truncated = path.join(work, "truncated");
    await writeTinyCheckpoint(truncated, TINY_GPT2);
    const weights = path.join(truncated, "model.safetensors");
    const bytes = readFileSync(weights);
    const length = Number(bytes.readBigUInt64LE(0));
    writeFileSync(weights, bytes.subarray(0, 8 + length + 16));
    await expect(importCheckpoint({ source: truncated, name: "truncated" }, root)).rejects.toThrow(ImportError);
    expect(existsSync(path.join(root, "broken"))).toBe(false);
    expect(existsSync(path.join(root, "truncated"))).toBe(false);
    expect(readdirSync(root)).toEqual(["tiny"]);
  });
});
