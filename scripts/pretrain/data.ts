/** The pretraining data of a recipe: its corpora's train and validation splits as byte-token streams. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { TrainBatch } from "../../lib/ml";
import {
  type Corpus,
  type CorpusDocument,
  type CorpusLicense,
  loadCorpus,
  loadPythonStdlib,
  requireAvailable,
  tokenizeDocuments,
} from "../../lib/ml/data";
import type { Tokenizer } from "../../lib/ml/tokenizers";
import type { CorpusSpec } from "./recipes";

/** What the model card says about one corpus. */
export interface CorpusSummary {
  name: string;
  title: string;
  description: string;
  /** Package name and version, or folder. */
  source: string;
  license: CorpusLicense;
  trainDocuments: number;
  validationDocuments: number;
  trainBytes: number;
  validationBytes: number;
  /** Documents left out by the recipe's size limit. */
  skippedDocuments: number;
}

/** Token streams of both splits (documents joined with EOS), and what went into them. */
export interface PretrainData {
  train: Int32Array;
  validation: Int32Array;
  corpora: CorpusSummary[];
}

const require = createRequire(import.meta.url);

/** "name@version" of an npm package source, so the card names the exact data; a folder stays as it is. */
async function describeSource(source: string): Promise<string> {
  if (!source.startsWith("@") && !/^[a-z]/.test(source)) return source;
  try {
    const manifest = JSON.parse(await readFile(require.resolve(`${source}/package.json`), "utf8")) as {
      version?: string;
    };
    return manifest.version ? `${source}@${manifest.version}` : source;
  } catch {
    return source;
  }
}

async function load(spec: CorpusSpec): Promise<{ corpus: Corpus<CorpusDocument>; skipped: number }> {
  if (spec.name !== "python-stdlib" || spec.maxFileBytes === undefined) {
    return { corpus: requireAvailable(await loadCorpus(spec.name)), skipped: 0 };
  }
  const all = requireAvailable(await loadPythonStdlib());
  const corpus = requireAvailable(await loadPythonStdlib({ maxFileBytes: spec.maxFileBytes }));
  return { corpus, skipped: all.documents.length - corpus.documents.length };
}

const bytesOf = (docs: readonly CorpusDocument[]) => docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);

/** Loads and tokenizes a recipe's corpora (the corpora's own deterministic splits). */
export async function loadPretrainData(specs: readonly CorpusSpec[], tokenizer: Tokenizer): Promise<PretrainData> {
  const train: string[] = [];
  const validation: string[] = [];
  const corpora: CorpusSummary[] = [];
  for (const spec of specs) {
    const { corpus, skipped } = await load(spec);
    for (const doc of corpus.train) train.push(doc.text);
    for (const doc of corpus.validation) validation.push(doc.text);
    corpora.push({
      name: corpus.name,
      title: corpus.title,
      description: corpus.description,
      source: await describeSource(corpus.source),
      license: corpus.license,
      trainDocuments: corpus.train.length,
      validationDocuments: corpus.validation.length,
      trainBytes: bytesOf(corpus.train),
      validationBytes: bytesOf(corpus.validation),
      skippedDocuments: skipped,
    });
  }
  return {
    train: tokenizeDocuments(tokenizer, train),
    validation: tokenizeDocuments(tokenizer, validation),
    corpora,
  };
}

/**
 * `count` windows of `length` next-token pairs spread evenly over a stream, in batches of `batch` rows: a
 * fixed evaluation set that covers the whole split. Fewer windows when the stream is too short.
 */
export function evenWindows(stream: Int32Array, count: number, length: number, batch: number): TrainBatch[] {
  const room = stream.length - (length + 1);
  if (room < 0) throw new Error(`a stream of ${stream.length} tokens is shorter than one window of ${length + 1}`);
  const windows = Math.max(1, Math.min(count, Math.floor(stream.length / (length + 1))));
  const starts = Array.from({ length: windows }, (_, k) => Math.floor((k * room) / Math.max(1, windows - 1)));
  const batches: TrainBatch[] = [];
  for (let from = 0; from < windows; from += batch) {
    const rows = starts.slice(from, from + batch);
    const tokens = new Int32Array(rows.length * length);
    const targets = new Int32Array(rows.length * length);
    rows.forEach((start, row) => {
      tokens.set(stream.subarray(start, start + length), row * length);
      targets.set(stream.subarray(start + 1, start + length + 1), row * length);
    });
    batches.push({ batch: rows.length, length, tokens, targets });
  }
  return batches;
}
