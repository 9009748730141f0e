import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { parseModelConfig } from "../model/config-parse";
import { countParameters, disposeParams, initParams } from "../model/params";
import { tinyByteLevelBpe, writeTokenizerFolder } from "../tokenizers/testing";
import { catalogModel } from "./catalog";
import {
  inspectLocalCheckpoint,
  LocalCheckpointError,
  localCheckpointName,
  scanLocalCheckpoints,
  UNKNOWN_LICENSE,
} from "./local";
import { loadLocalCheckpoint } from "./local-load";
import { TINY_GPT2, TINY_LLAMA, writeTinyCheckpoint } from "./local-testing";
import { catalogModelFolder } from "./paths";

const work = mkdtempSync(path.join(tmpdir(), "mf-local-ckpt-"));
/** Good folders written once; each test copies the one it needs. */
const templates = { gpt2: path.join(work, "t-gpt2"), llama: path.join(work, "t-llama"), v40: path.join(work, "t-v40") };
let root = "";
let rootCount = 0;

/** A fresh root holding a copy of `template` named `name`; returns the copy's folder. */
function folderFrom(template: string, name: string): string {
  root = path.join(work, `root-${rootCount++}`);
  mkdirSync(root, { recursive: true });
  const folder = path.join(root, name);
  cpSync(template, folder, { recursive: true });
  return folder;
}

const rawConfig = (folder: string) => JSON.parse(readFileSync(path.join(folder, "config.json"), "utf8"));
const writeConfig = (folder: string, raw: unknown) =>
  writeFileSync(path.join(folder, "config.json"), typeof raw === "string" ? raw : JSON.stringify(raw));

/** The one problem a scan of the current root finds. */
function problemOf(folder: string): string {
  const scan = scanLocalCheckpoints(path.dirname(folder));
  expect(scan.models).toEqual([]);
  expect(scan.problems).toHaveLength(1);
  return scan.problems[0]?.problem ?? "";
}

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  await writeTinyCheckpoint(templates.gpt2, TINY_GPT2);
  await writeTinyCheckpoint(templates.llama, TINY_LLAMA);
  await writeTinyCheckpoint(templates.v40, { ...TINY_GPT2, vocab_size: 40 });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("local checkpoint ids", () => {
  it("are local/<name> with a safe folder name", () => {
    expect(localCheckpointName("local/prose-copy")).toBe("prose-copy");
    expect(localCheckpointName("local/TinyStories_1M.v2")).toBe("TinyStories_1M.v2");
    for (const id of ["mf-prose-byte", "local/", "local/../etc", "local/a/b", "local/.hidden", "local/my model"]) {
      expect(localCheckpointName(id), id).toBeNull();
    }
    expect(localCheckpointName(`local/${"a".repeat(64)}`)).not.toBeNull();
    expect(localCheckpointName(`local/${"a".repeat(65)}`)).toBeNull();
  });
});

describe("scanLocalCheckpoints", () => {
  it("describes a good GPT-2 folder from its config and header: id, size, context, tokenizer, licence", () => {
    const folder = folderFrom(templates.gpt2, "tiny-gpt2");
    const scan = scanLocalCheckpoints(root);
    expect(scan.problems).toEqual([]);
    const params = initParams(parseModelConfig(TINY_GPT2));
    const count = countParameters(params);
    disposeParams(params);
    expect(scan.models).toEqual([
      {
        id: "local/tiny-gpt2",
        name: "tiny-gpt2",
        folder,
        title: "tiny-gpt2",
        description: expect.stringMatching(/GPT-2-family checkpoint/),
        family: "gpt2",
        tokenizer: "byte",
        vocabSize: 259,
        contextLength: 24,
        parameters: count,
        shape: { layers: 2, hidden: 16, heads: 2 },
        license: UNKNOWN_LICENSE,
      },
    ]);
    expect(UNKNOWN_LICENSE.name).toBe("unknown — see the folder's README");
  });

  it("counts parameters as the catalog does (tied embeddings once) and reads max_position_embeddings for Llama", () => {
    const shipped = inspectLocalCheckpoint(catalogModelFolder("mf-prose-byte"), "mf-prose-byte");
    expect(shipped.parameters).toBe(catalogModel("mf-prose-byte").parameters);
    expect(shipped.contextLength).toBe(catalogModel("mf-prose-byte").contextLength);
    expect(inspectLocalCheckpoint(catalogModelFolder("mf-code-byte")).parameters).toBe(
      catalogModel("mf-code-byte").parameters,
    );
    const llama = inspectLocalCheckpoint(folderFrom(templates.llama, "tiny-llama"));
    expect(llama).toMatchObject({ family: "llama", contextLength: 64, shape: { layers: 2, hidden: 16, heads: 4 } });
  });

  it("lists folders by name, skips files and hidden folders, and finds nothing in a missing root", () => {
    folderFrom(templates.gpt2, "b-model");
    cpSync(templates.llama, path.join(root, "a-model"), { recursive: true });
    cpSync(templates.llama, path.join(root, ".import-c-123"), { recursive: true });
    writeFileSync(path.join(root, "README.md"), "notes");
    const scan = scanLocalCheckpoints(root);
    expect(scan.models.map((m) => m.id)).toEqual(["local/a-model", "local/b-model"]);
    expect(scan.problems).toEqual([]);
    expect(scanLocalCheckpoints(path.join(work, "does-not-exist"))).toEqual({ models: [], problems: [] });
  });

  it("reads sharded weights through model.safetensors.index.json", () => {
    const folder = folderFrom(templates.gpt2, "sharded");
    const shard = "model-00001-of-00001.safetensors";
    renameSync(path.join(folder, "model.safetensors"), path.join(folder, shard));
    const names = inspectTensorNames(path.join(folder, shard));
    writeFileSync(
      path.join(folder, "model.safetensors.index.json"),
      JSON.stringify({ metadata: {}, weight_map: Object.fromEntries(names.map((n) => [n, shard])) }),
    );
    expect(inspectLocalCheckpoint(folder).id).toBe("local/sharded");
    rmSync(path.join(folder, shard));
    expect(problemOf(folder)).toMatch(/weight shard model-00001-of-00001\.safetensors .* is missing/);
  });

  it("says what is wrong with each broken folder", () => {
    let folder = folderFrom(templates.gpt2, "no-config");
    rmSync(path.join(folder, "config.json"));
    expect(problemOf(folder)).toMatch(/^missing config\.json/);

    folder = folderFrom(templates.gpt2, "bad-json");
    writeConfig(folder, "{ not json");
    expect(problemOf(folder)).toMatch(/^config\.json is not valid JSON/);

    folder = folderFrom(templates.gpt2, "bert");
    writeConfig(folder, { ...TINY_GPT2, model_type: "bert" });
    expect(problemOf(folder)).toMatch(/^unsupported model_type "bert" in config\.json: only GPT-2/);

    folder = folderFrom(templates.gpt2, "bad-config");
    writeConfig(folder, { ...TINY_GPT2, n_head: 3 });
    expect(problemOf(folder)).toMatch(/^config\.json cannot be used: gpt2 config\.n_embd \(16\) must be divisible/);

    folder = folderFrom(templates.gpt2, "no-weights");
    rmSync(path.join(folder, "model.safetensors"));
    expect(problemOf(folder)).toMatch(/^no weights: the folder holds neither model\.safetensors nor/);

    folder = folderFrom(templates.gpt2, "garbage-weights");
    writeFileSync(path.join(folder, "model.safetensors"), "not a safetensors file at all");
    expect(problemOf(folder)).toMatch(/^model\.safetensors is not a valid safetensors file/);

    folder = folderFrom(templates.gpt2, "longer-context");
    writeConfig(folder, { ...rawConfig(folder), n_positions: 32 });
    expect(problemOf(folder)).toBe(
      'tensor "transformer.wpe.weight" has shape [24, 16] but config.json implies [32, 16]: the weights do not match the config',
    );

    folder = folderFrom(templates.gpt2, "more-layers");
    writeConfig(folder, { ...rawConfig(folder), n_layer: 3 });
    expect(problemOf(folder)).toMatch(/^the weights lack tensor "transformer\.h\.2\.ln_1\.weight"/);

    folder = folderFrom(templates.llama, "fewer-layers");
    writeConfig(folder, { ...rawConfig(folder), num_hidden_layers: 1 });
    expect(problemOf(folder)).toMatch(/^the weights hold tensors that are not llama parameters: model\.layers\.1\./);
  });

  it("refuses a folder name that makes no safe id, and says so", () => {
    const folder = folderFrom(templates.gpt2, "my model");
    const scan = scanLocalCheckpoints(root);
    expect(scan.problems).toEqual([
      {
        id: null,
        name: "my model",
        folder,
        problem: expect.stringMatching(/^the folder name "my model" cannot be used as a model id: use 1 to 64/),
      },
    ]);
    expect(() => inspectLocalCheckpoint(folder)).toThrow(LocalCheckpointError);
  });
});

describe("tokenizer rules", () => {
  it("needs a tokenizer when the vocab size matches no built-in one", () => {
    const folder = folderFrom(templates.v40, "vocab40");
    expect(problemOf(folder)).toMatch(
      /^no tokenizer: the folder has no tokenizer\.json and vocab_size 40 matches no built-in tokenizer \(byte: 259, gpt2: 50257\)/,
    );
  });

  it("uses the folder's tokenizer.json when there is one", async () => {
    const folder = folderFrom(templates.v40, "with-tokenizer");
    await writeTokenizerFolder(folder, tinyByteLevelBpe());
    const model = inspectLocalCheckpoint(folder);
    expect(model.tokenizer).toBe("huggingface");
    const loaded = await loadLocalCheckpoint(model);
    expect(loaded.tokenizer.spec).toMatchObject({ type: "huggingface" });
    disposeParams(loaded.params);
  });

  it("takes the tokenizer, title, description and licence from modelfactory.json", async () => {
    const folder = folderFrom(templates.gpt2, "described");
    const license = { spdx: "MIT", name: "MIT License", url: "https://opensource.org/license/mit" };
    writeFileSync(
      path.join(folder, "modelfactory.json"),
      JSON.stringify({ tokenizer: "byte", title: "Tiny prose", description: "A test model.", license }),
    );
    expect(inspectLocalCheckpoint(folder)).toMatchObject({
      tokenizer: "byte",
      title: "Tiny prose",
      description: "A test model.",
      license,
    });
    const loaded = await loadLocalCheckpoint(inspectLocalCheckpoint(folder));
    expect(loaded.tokenizer.vocabSize).toBe(259);
    disposeParams(loaded.params);
  });

  it("refuses a named tokenizer that does not fit, an unknown name, and a bad modelfactory.json", () => {
    let folder = folderFrom(templates.v40, "byte-too-big");
    writeFileSync(path.join(folder, "modelfactory.json"), JSON.stringify({ tokenizer: "byte" }));
    expect(problemOf(folder)).toMatch(
      /names the byte tokenizer \(259 tokens\), but config\.json's vocab_size is only 40/,
    );

    folder = folderFrom(templates.gpt2, "sentencepiece");
    writeFileSync(path.join(folder, "modelfactory.json"), JSON.stringify({ tokenizer: "sentencepiece" }));
    expect(problemOf(folder)).toMatch(/modelfactory\.json names tokenizer "sentencepiece": expected "byte" or "gpt2"/);

    folder = folderFrom(templates.gpt2, "bad-info");
    writeFileSync(path.join(folder, "modelfactory.json"), "[1, 2]");
    expect(problemOf(folder)).toBe("modelfactory.json must be a JSON object");

    folder = folderFrom(templates.gpt2, "bad-license");
    writeFileSync(path.join(folder, "modelfactory.json"), JSON.stringify({ license: "MIT" }));
    expect(problemOf(folder)).toMatch(/license must be an object with at least "spdx"/);
  });

  it("picks the GPT-2 tokenizer for a 50257-token vocabulary", async () => {
    const folder = path.join(work, "gpt2-vocab", "gpt2-vocab");
    await writeTinyCheckpoint(folder, { ...TINY_GPT2, vocab_size: 50257, n_embd: 4, n_head: 1, n_layer: 1 });
    expect(inspectLocalCheckpoint(folder).tokenizer).toBe("gpt2");
    expect(JSON.parse(await readFile(path.join(folder, "config.json"), "utf8")).vocab_size).toBe(50257);
  });
});

/** Tensor names in a safetensors file's header. */
function inspectTensorNames(file: string): string[] {
  const bytes = readFileSync(file);
  const length = Number(bytes.readBigUInt64LE(0));
  return Object.keys(JSON.parse(bytes.subarray(8, 8 + length).toString("utf8"))).filter((k) => k !== "__metadata__");
}
