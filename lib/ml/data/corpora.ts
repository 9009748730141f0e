/**
 * The text corpora that can be had offline: Moby-Dick, the State of the Union addresses and the
 * SpamAssassin e-mails (the @stdlib datasets packages, PDDL/CC0), and the Python standard library's sources
 * (PSF licence). Each loader returns documents with a deterministic train/validation split by id.
 */
import { loadMobyDick } from "./corpus/moby-dick";
import { loadPythonStdlib } from "./corpus/python-stdlib";
import { loadSotu } from "./corpus/sotu";
import { loadSpamAssassin } from "./corpus/spam-assassin";
import type { Corpus, CorpusDocument, CorpusOptions } from "./corpus/types";

export { type EmailText, emailToText } from "./corpus/email";
export { loadMobyDick, type MobyDickDocument } from "./corpus/moby-dick";
export {
  DEFAULT_PYTHON_ROOT,
  loadPythonStdlib,
  type PythonSourceDocument,
  type PythonStdlibOptions,
} from "./corpus/python-stdlib";
export { loadSotu, type SotuDocument } from "./corpus/sotu";
export {
  type LabelledCorpus,
  loadSpamAssassin,
  SPAM_LABELS,
  type SpamAssassinOptions,
  type SpamDocument,
  type SpamLabel,
} from "./corpus/spam-assassin";
export {
  type Corpus,
  type CorpusDocument,
  type CorpusLicense,
  type CorpusOptions,
  requireAvailable,
  STDLIB_DATASET_LICENSE,
} from "./corpus/types";

/** Names {@link loadCorpus} accepts. */
export const CORPUS_NAMES = ["moby-dick", "sotu", "spam-assassin", "python-stdlib"] as const;

/** A corpus name. */
export type CorpusName = (typeof CORPUS_NAMES)[number];

/** Loads a corpus by name (see the individual loaders for each one's document fields). */
export function loadCorpus(name: CorpusName, options: CorpusOptions = {}): Promise<Corpus<CorpusDocument>> {
  switch (name) {
    case "moby-dick":
      return loadMobyDick(options);
    case "sotu":
      return loadSotu(options);
    case "spam-assassin":
      return loadSpamAssassin(options);
    case "python-stdlib":
      return loadPythonStdlib(options);
    default:
      return Promise.reject(new Error(`unknown corpus "${name}": expected one of ${CORPUS_NAMES.join(", ")}`));
  }
}
