import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadBaseModel } from "@/lib/factory/base-models/load";
import { BaseModelError, checkpointsRoot, resolveBaseModel } from "@/lib/factory/base-models/resolve";
import { disposeAdapter, type HfCheckpoint, importPeftAdapter, type LoraAdapter } from "@/lib/ml";
import { ServingError } from "./errors";

/** A base model ready to generate with: weights, configuration and tokenizer. */
export type BaseModel = Required<HfCheckpoint>;

/**
 * Base models and LoRA adapters loaded once and kept: bases by id (few, small: the catalog's and the checkpoints
 * imported under `checkpointsRoot`, default DATA_DIR/checkpoints), adapters by folder
 * (PEFT layout) in a least-recently-used cache whose evicted entries are disposed. Adapters are only read from
 * below `adapterRoot`, so a request cannot make the server open arbitrary files.
 */
export class ModelCache {
  private readonly bases = new Map<string, Promise<BaseModel>>();
  private readonly adapters = new Map<string, Promise<LoraAdapter>>();

  constructor(private readonly options: { adapterRoot: string; maxAdapters?: number; checkpointsRoot?: string }) {}

  /** Where imported checkpoints are read from. */
  get checkpointsRoot(): string {
    return this.options.checkpointsRoot ?? checkpointsRoot();
  }

  base(id: string): Promise<BaseModel> {
    let loaded = this.bases.get(id);
    if (!loaded) {
      try {
        resolveBaseModel(id, this.checkpointsRoot);
      } catch (error) {
        if (!(error instanceof BaseModelError)) throw error;
        throw new ServingError("model_not_found", `No base model "${id}": ${error.message}`, 404);
      }
      loaded = loadBaseModel(id, this.checkpointsRoot);
      loaded.catch(() => this.bases.delete(id));
      this.bases.set(id, loaded);
    }
    return loaded;
  }

  /** An adapter folder below the adapter root (relative to it, or absolute below it); anything else is refused. */
  private folderOf(folder: string): string {
    const root = path.resolve(this.options.adapterRoot);
    const resolved = path.resolve(root, folder);
    if (resolved !== root && !resolved.startsWith(`${root}${path.sep}`)) {
      throw new ServingError("adapter_outside_root", `Adapters are only read from ${root}.`, 400);
    }
    return resolved;
  }

  /** What the trainer wrote beside the PEFT files (task, labels, context length), if anything. */
  async adapterInfo(folder: string): Promise<{ task?: string; labels?: string[] | null; contextLength?: number }> {
    try {
      return JSON.parse(await readFile(path.join(this.folderOf(folder), "modelfactory.json"), "utf8"));
    } catch (error) {
      if (error instanceof ServingError) throw error;
      return {};
    }
  }

  /** The adapter in `folder` (relative to the adapter root, or absolute below it) for `base`. */
  async adapter(folder: string, base: BaseModel): Promise<LoraAdapter> {
    const resolved = this.folderOf(folder);
    const key = `${base.config.model_type}:${resolved}`;
    let loaded = this.adapters.get(key);
    if (loaded) {
      // Most recently used last.
      this.adapters.delete(key);
      this.adapters.set(key, loaded);
      return loaded;
    }
    loaded = importPeftAdapter(resolved, base.config).catch((error: unknown) => {
      this.adapters.delete(key);
      throw new ServingError(
        "adapter_unreadable",
        `The adapter in ${folder} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        404,
      );
    });
    this.adapters.set(key, loaded);
    this.evict();
    return loaded;
  }

  private evict(): void {
    const max = this.options.maxAdapters ?? 16;
    while (this.adapters.size > max) {
      const [oldest, adapter] = this.adapters.entries().next().value as [string, Promise<LoraAdapter>];
      this.adapters.delete(oldest);
      void adapter.then(disposeAdapter, () => {});
    }
  }
}
