import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  type Corpus,
  type CorpusDocument,
  type CorpusInfo,
  type CorpusOptions,
  makeCorpus,
  unavailableCorpus,
} from "./types";

/** One Python source file. */
export interface PythonSourceDocument extends CorpusDocument {
  /** Path relative to the library root, "/"-separated (also the id), e.g. "asyncio/events.py". */
  path: string;
  bytes: number;
}

/** Options for {@link loadPythonStdlib}. */
export interface PythonStdlibOptions extends CorpusOptions {
  /** Library root. Default /usr/lib/python3.11. */
  root?: string;
  /** Skip files larger than this many bytes (generated data tables). Default: no limit. */
  maxFileBytes?: number;
}

/** The Python standard library's default location on this project's machines (Debian's python3.11). */
export const DEFAULT_PYTHON_ROOT = "/usr/lib/python3.11";

// Tests, caches, and third-party packages (other licences) are not the standard library's source.
const SKIPPED_DIRS = new Set(["test", "tests", "idle_test", "__pycache__", "site-packages", "dist-packages"]);

async function collect(dir: string, relative: string, out: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: skip
  }
  for (const entry of entries) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    // Symlinks are skipped: Debian links a few files to /etc, outside the library.
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await collect(path.join(dir, entry.name), rel, out);
    else if (entry.isFile() && entry.name.endsWith(".py")) out.push(rel);
  }
}

/**
 * Loads the Python standard library's .py sources as a code corpus (PSF licence), skipping test folders,
 * caches, site-/dist-packages and symlinks. When the folder is absent the corpus is returned with
 * `available: false` and the reason.
 */
export async function loadPythonStdlib(options: PythonStdlibOptions = {}): Promise<Corpus<PythonSourceDocument>> {
  const root = path.resolve(options.root ?? DEFAULT_PYTHON_ROOT);
  const info: CorpusInfo = {
    name: "python-stdlib",
    title: "Python standard library sources",
    description: `The .py sources under ${root}, without tests: a code corpus.`,
    source: root,
    license: {
      spdx: "PSF-2.0",
      name: "Python Software Foundation License Version 2",
      url: "https://docs.python.org/3/license.html",
    },
  };
  try {
    if (!(await stat(root)).isDirectory()) return unavailableCorpus(info, `${root} is not a folder`);
  } catch {
    return unavailableCorpus(info, `${root} does not exist (install python3 to use this corpus)`);
  }
  const files: string[] = [];
  await collect(root, "", files);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const documents: Array<Omit<PythonSourceDocument, "split">> = [];
  for (const rel of files) {
    const buffer = await readFile(path.join(root, rel));
    if (options.maxFileBytes !== undefined && buffer.length > options.maxFileBytes) continue;
    documents.push({ id: rel, path: rel, text: buffer.toString("utf8"), bytes: buffer.length });
  }
  if (documents.length === 0) return unavailableCorpus(info, `no .py files under ${root}`);
  return makeCorpus<PythonSourceDocument>(info, documents, options);
}
