import { type Split, type SplitOptions, splitOf } from "../split";

/** The licence a corpus is distributed under. */
export interface CorpusLicense {
  /** SPDX expression, e.g. "PDDL-1.0 AND CC0-1.0". */
  spdx: string;
  /** Human-readable statement. */
  name: string;
  url: string;
}

/** One document of a corpus. */
export interface CorpusDocument {
  /** Stable id, unique within the corpus; the split is a hash of it. */
  id: string;
  text: string;
  split: Split;
}

/** A loaded corpus: its documents, split deterministically into train and validation. */
export interface Corpus<D extends CorpusDocument = CorpusDocument> {
  /** Registry name, e.g. "moby-dick". */
  name: string;
  title: string;
  description: string;
  /** Where the data came from: a package name or a folder. */
  source: string;
  license: CorpusLicense;
  /** False when the source is missing on this machine; the document lists are then empty. */
  available: boolean;
  /** Why the corpus is unavailable, when it is. */
  unavailableReason?: string;
  documents: D[];
  train: D[];
  validation: D[];
}

/** Options every corpus loader takes. */
export type CorpusOptions = SplitOptions;

/** What describes a corpus apart from its documents. */
export type CorpusInfo = Pick<Corpus, "name" | "title" | "description" | "source" | "license">;

/** Assigns splits (salted with the corpus name unless a salt is given) and assembles the corpus. */
export function makeCorpus<D extends CorpusDocument>(
  info: CorpusInfo,
  documents: Array<Omit<D, "split">>,
  options: CorpusOptions = {},
): Corpus<D> {
  const splitOptions = { ...options, salt: options.salt ?? info.name };
  const docs = documents.map((doc) => ({ ...doc, split: splitOf(doc.id, splitOptions) }) as D);
  return {
    ...info,
    available: true,
    documents: docs,
    train: docs.filter((d) => d.split === "train"),
    validation: docs.filter((d) => d.split === "validation"),
  };
}

/** An empty corpus that says why it could not be loaded. */
export function unavailableCorpus<D extends CorpusDocument>(info: CorpusInfo, reason: string): Corpus<D> {
  return { ...info, available: false, unavailableReason: reason, documents: [], train: [], validation: [] };
}

/** Throws when a corpus could not be loaded; returns it otherwise. */
export function requireAvailable<C extends Corpus<CorpusDocument>>(corpus: C): C {
  if (!corpus.available) throw new Error(`corpus ${corpus.name} is unavailable: ${corpus.unavailableReason}`);
  return corpus;
}

/** The licence of the @stdlib datasets packages (their data files and contents). */
export const STDLIB_DATASET_LICENSE: CorpusLicense = {
  spdx: "PDDL-1.0 AND CC0-1.0",
  name: "Open Data Commons PDDL 1.0 (database) and CC0 1.0 (contents), as stated by the @stdlib datasets packages",
  url: "https://opendatacommons.org/licenses/pddl/1-0/",
};

/** Imports an optional package, or returns undefined when it is not installed. */
export async function importOptional<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}
