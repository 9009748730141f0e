import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Corpus,
  type CorpusDocument,
  DEFAULT_PYTHON_ROOT,
  loadCorpus,
  loadMobyDick,
  loadPythonStdlib,
  loadSotu,
  loadSpamAssassin,
  requireAvailable,
  SPAM_LABELS,
} from "./corpora";

function expectWellSplit(corpus: Corpus<CorpusDocument>): void {
  expect(corpus.available).toBe(true);
  expect(corpus.documents.length).toBeGreaterThan(0);
  const ids = corpus.documents.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const doc of corpus.documents) {
    expect(typeof doc.text).toBe("string");
    expect(doc.split === "train" || doc.split === "validation").toBe(true);
  }
  const train = new Set(corpus.train.map((d) => d.id));
  expect(corpus.validation.some((d) => train.has(d.id))).toBe(false);
  expect(corpus.train.length + corpus.validation.length).toBe(corpus.documents.length);
  expect(corpus.train.length).toBeGreaterThan(0);
  expect(corpus.validation.length).toBeGreaterThan(0);
  expect(corpus.license.spdx).not.toBe("");
}

const validationIds = (corpus: Corpus<CorpusDocument>) => corpus.validation.map((d) => d.id);

describe("Moby-Dick", () => {
  it("loads every part with headings, split deterministically", async () => {
    const corpus = await loadMobyDick();
    expectWellSplit(corpus);
    expect(corpus.documents).toHaveLength(139);
    expect(corpus.license.spdx).toBe("PDDL-1.0 AND CC0-1.0");
    const first = corpus.documents.find((d) => d.id === "chapter-1");
    expect(first?.text.startsWith("CHAPTER 1. Loomings.\n\nCall me Ishmael.")).toBe(true);
    expect(corpus.documents.map((d) => d.id)).toContain("epilogue");
    expect(corpus.documents.reduce((n, d) => n + d.text.length, 0)).toBeGreaterThan(1_000_000);
    expect(validationIds(await loadMobyDick())).toEqual(validationIds(corpus));
    expect(validationIds(await loadMobyDick({ validationFraction: 0.3 })).length).toBeGreaterThan(
      corpus.validation.length,
    );
  });
});

describe("State of the Union", () => {
  it("loads one document per address with year, president and party", async () => {
    const corpus = await loadSotu();
    expectWellSplit(corpus);
    expect(corpus.documents.length).toBeGreaterThan(200);
    const first = corpus.documents[0];
    expect(first).toMatchObject({ id: "1790-george-washington", year: 1790, president: "George Washington" });
    expect(corpus.documents.every((d) => d.text.length > 1000 && Number.isInteger(d.year))).toBe(true);
    expect(validationIds(await loadSotu())).toEqual(validationIds(corpus));
  });
});

describe("SpamAssassin", () => {
  it("loads labelled e-mails without their routing headers", async () => {
    const corpus = await loadSpamAssassin();
    expectWellSplit(corpus);
    expect(corpus.labels).toEqual(SPAM_LABELS);
    expect(corpus.documents).toHaveLength(6046);
    const spam = corpus.documents.filter((d) => d.label === "spam");
    expect(spam).toHaveLength(1896);
    expect(corpus.documents.every((d) => d.labelIndex === SPAM_LABELS.indexOf(d.label))).toBe(true);
    expect(corpus.documents.every((d) => d.id === `${d.group}/${d.id.split("/")[1]}`)).toBe(true);
    const withHeaders = corpus.documents.filter((d) => /^(Received|Return-Path|Message-Id|X-[\w-]+):/im.test(d.text));
    // Bodies may quote a header or two (forwarded mail); the message's own headers are gone.
    expect(withHeaders.length / corpus.documents.length).toBeLessThan(0.05);
    const empty = corpus.documents.filter((d) => d.text.trim() === "");
    expect(empty.length).toBeLessThan(30);
    expect(corpus.validation.some((d) => d.label === "spam") && corpus.validation.some((d) => d.label === "ham")).toBe(
      true,
    );
    expect(validationIds(await loadSpamAssassin())).toEqual(validationIds(corpus));
  });
});

describe("Python standard library", () => {
  it.skipIf(!existsSync(DEFAULT_PYTHON_ROOT))("loads .py sources without tests under the PSF licence", async () => {
    const corpus = await loadPythonStdlib();
    expectWellSplit(corpus);
    expect(corpus.license.spdx).toBe("PSF-2.0");
    expect(corpus.documents.map((d) => d.id)).toContain("json/decoder.py");
    expect(corpus.documents.some((d) => /(^|\/)(test|tests|idle_test)\//.test(d.path))).toBe(false);
    expect(corpus.documents.every((d) => d.path.endsWith(".py") && d.id === d.path)).toBe(true);
    expect(validationIds(await loadPythonStdlib())).toEqual(validationIds(corpus));
  });

  it("reports a missing folder instead of failing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ml-nopython-"));
    try {
      const missing = await loadPythonStdlib({ root: path.join(dir, "python9.9") });
      expect(missing.available).toBe(false);
      expect(missing.unavailableReason).toMatch(/does not exist/);
      expect(missing.documents).toEqual([]);
      expect(() => requireAvailable(missing)).toThrow(/python-stdlib is unavailable/);
      const empty = await loadPythonStdlib({ root: dir });
      expect(empty.unavailableReason).toMatch(/no \.py files/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("loadCorpus", () => {
  it("loads by name and refuses unknown names", async () => {
    expect((await loadCorpus("moby-dick")).name).toBe("moby-dick");
    await expect(loadCorpus("nope" as "sotu")).rejects.toThrow(/unknown corpus/);
  });
});
