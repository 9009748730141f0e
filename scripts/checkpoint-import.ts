/**
 * `npm run checkpoint:import -- <folder> [--name <name>]`: checks a Hugging Face checkpoint folder (GPT-2 or Llama
 * family) by importing it in full (weights and tokenizer), then copies it into DATA_DIR/checkpoints/<name>
 * atomically (a hidden temporary folder beside it, then a rename), so the wizard offers it as `local/<name>`.
 * An existing name is refused.
 */
import { cp, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkpointsRoot } from "../lib/factory/base-models/resolve";
import { initBackend } from "../lib/ml/backend/init";
import {
  inspectLocalCheckpoint,
  LOCAL_ID_PREFIX,
  LOCAL_NAME_PATTERN,
  LOCAL_NAME_RULE,
  type LocalCheckpoint,
} from "../lib/ml/catalog/local";
import { loadLocalCheckpoint } from "../lib/ml/catalog/local-load";
import { disposeParams } from "../lib/ml/model/params";

/** A problem the user can fix: printed without a stack trace. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

const USAGE = "usage: npm run checkpoint:import -- <folder> [--name <name>]";

export interface ImportOptions {
  source: string;
  name: string;
}

export function parseImportArgs(argv: readonly string[]): ImportOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: { name: { type: "string" } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: { name: { type: "string" } }, allowPositionals: true });
  } catch (error) {
    throw new ImportError(`${(error as Error).message}\n${USAGE}`);
  }
  const [source, ...extra] = parsed.positionals;
  if (!source || extra.length > 0) throw new ImportError(`name exactly one checkpoint folder\n${USAGE}`);
  const name = parsed.values.name ?? path.basename(path.resolve(source));
  if (!LOCAL_NAME_PATTERN.test(name)) {
    throw new ImportError(
      `"${name}" cannot be a model name: ${LOCAL_NAME_RULE}` +
        (parsed.values.name ? "" : "; choose one with --name <name>"),
    );
  }
  return { source: path.resolve(source), name };
}

const exists = async (p: string) => {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
};

/** Imports the checkpoint in full (every tensor and the tokenizer) to prove it loads; nothing is kept. */
async function validateFully(model: LocalCheckpoint): Promise<void> {
  let loaded: Awaited<ReturnType<typeof loadLocalCheckpoint>>;
  try {
    loaded = await loadLocalCheckpoint(model);
  } catch (error) {
    throw new ImportError(`the checkpoint does not load: ${(error as Error).message}`);
  }
  try {
    if (loaded.tokenizer.vocabSize > loaded.config.vocab_size) {
      throw new ImportError(
        `the tokenizer has ${loaded.tokenizer.vocabSize} tokens but config.json's vocab_size is ${loaded.config.vocab_size}`,
      );
    }
  } finally {
    disposeParams(loaded.params);
  }
}

/**
 * Checks `source` and copies it to `<root>/<name>`; returns the model as the app will see it. Throws ImportError
 * (plain words) when the folder is not usable or the name is taken.
 */
export async function importCheckpoint(
  options: ImportOptions,
  root: string = checkpointsRoot(),
): Promise<LocalCheckpoint> {
  const { source, name } = options;
  if (!(await stat(source).catch(() => null))?.isDirectory()) {
    throw new ImportError(`${source} is not a folder: name a Hugging Face checkpoint folder`);
  }
  const target = path.join(root, name);
  if (await exists(target)) {
    throw new ImportError(
      `${LOCAL_ID_PREFIX}${name} already exists (${target}): choose another --name, or remove that folder first`,
    );
  }
  let model: LocalCheckpoint;
  try {
    model = inspectLocalCheckpoint(source, name);
  } catch (error) {
    throw new ImportError(`${source} cannot be imported: ${(error as Error).message}`);
  }
  await validateFully(model);

  await mkdir(root, { recursive: true });
  // Hidden while it is written: the scanner skips names starting with ".".
  const temporary = path.join(root, `.import-${name}-${process.pid}-${Date.now()}`);
  try {
    await cp(source, temporary, {
      recursive: true,
      dereference: true,
      errorOnExist: true,
      filter: (from) => from === source || !path.basename(from).startsWith("."),
    });
    const copied = inspectLocalCheckpoint(temporary, name);
    if (await exists(target)) throw new ImportError(`${LOCAL_ID_PREFIX}${name} appeared while copying: not replaced`);
    await rename(temporary, target);
    return { ...copied, folder: target };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const { loadEnvFile } = await import("./lib/env-file");
  loadEnvFile();
  const options = parseImportArgs(process.argv.slice(2));
  await initBackend({ backend: "cpu" });
  const model = await importCheckpoint(options);
  const family = model.family === "gpt2" ? "GPT-2" : "Llama";
  console.log(
    `Imported ${model.id}: ${family}, ${model.parameters.toLocaleString("en")} parameters, context ${model.contextLength}, ` +
      `${model.tokenizer === "huggingface" ? "tokenizer.json" : `${model.tokenizer} tokenizer`}, licence ${model.license.spdx}.\n` +
      `Folder: ${model.folder}\nIt is offered in the fine-tuning wizard (/factory/new) on reload.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(
      `checkpoint:import: ${error instanceof ImportError ? error.message : ((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  });
}
