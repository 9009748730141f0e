import { describe, expect, it } from "vitest";
import { normalizedHash } from "./hash";
import { lshBandKeys, NearDuplicateIndex } from "./lsh";
import { minhashSignature } from "./minhash";
import {
  type ExistingSignatureSource,
  type QualityProgress,
  type QualityRow,
  qualityReport,
  type RowDigest,
} from "./report";
import type { ExistingRowRef } from "./types";

const text = (n: number, offset: number) => Array.from({ length: n }, (_, i) => `v${(i + offset) * 7907}`).join(" ");
const row = (line: number, t: string, file = "a.jsonl"): QualityRow => ({ file, line, fields: { text: t } });

describe("qualityReport", () => {
  it("returns a clean report for clean rows", async () => {
    const report = await qualityReport([row(1, text(40, 0)), row(2, text(40, 1000))]);
    expect(report).toMatchObject({ totalRows: 2, flaggedRows: 0, cleanRows: 2, score: 100, rows: [] });
    expect(await qualityReport([])).toMatchObject({ totalRows: 0, score: 100 });
  });

  it("flags duplicates within the contribution with the first line, across files", async () => {
    const report = await qualityReport([
      row(1, "Hello world, this is a row."),
      row(2, text(40, 0)),
      row(7, "hello   WORLD, this is a row", "b.csv"),
      row(9, "Hello world, this is a row!!", "b.csv"),
    ]);
    expect(report.rows.map((r) => [r.file, r.line, r.flags])).toEqual([
      ["b.csv", 7, [{ type: "duplicate_in_contribution", first: { file: "a.jsonl", line: 1 } }]],
      ["b.csv", 9, [{ type: "duplicate_in_contribution", first: { file: "a.jsonl", line: 1 } }]],
    ]);
    expect(report.counts.duplicate_in_contribution).toBe(2);
    expect(report.score).toBe(50);
  });

  it("flags near-duplicates with the twin and similarity", async () => {
    const words = text(80, 0).split(" ");
    words[40] = "changed";
    const report = await qualityReport([row(1, text(80, 0)), row(2, text(80, 5000)), row(3, words.join(" "))]);
    expect(report.rows).toHaveLength(1);
    const flag = report.rows[0]?.flags[0];
    expect(flag).toMatchObject({ type: "near_duplicate", twin: { source: "contribution", file: "a.jsonl", line: 1 } });
    expect(flag?.type === "near_duplicate" && flag.similarity).toBeGreaterThanOrEqual(0.8);
    expect(report.score).toBeCloseTo(83.3, 1);
  });

  it("asks the existing-data lookups in batches and tells this Datanet from others", async () => {
    const mine = "a row already in this datanet";
    const theirs = "a row already in another datanet";
    const store = new Map<string, ExistingRowRef>([
      [normalizedHash({ text: mine }), { datanetId: "d1", rowId: "r1" }],
      [normalizedHash({ text: theirs }), { datanetId: "d2", rowId: "r2" }],
    ]);
    const batches: number[] = [];
    const lookup = (datanet: "same" | "other") => async (hashes: readonly string[]) => {
      batches.push(hashes.length);
      const out = new Map<string, ExistingRowRef>();
      for (const h of hashes) {
        const ref = store.get(h);
        if (ref && (ref.datanetId === "d1") === (datanet === "same")) out.set(h, ref);
      }
      return out;
    };
    const rows = [row(1, `${mine}!`), row(2, theirs.toUpperCase()), row(3, "fresh"), row(4, "fresh")];
    const report = await qualityReport(rows, {
      existing: { datanet: lookup("same"), otherDatanets: lookup("other") },
      lookupBatchSize: 2,
    });
    // 3 distinct hashes per lookup, in batches of 2; the two lookups run at the same time.
    expect([...batches].sort()).toEqual([1, 1, 2, 2]);
    expect(report.rows.map((r) => [r.line, r.flags.map((f) => f.type)])).toEqual([
      [1, ["duplicate_in_datanet"]],
      [2, ["duplicate_in_other_datanet"]],
      [4, ["duplicate_in_contribution"]],
    ]);
    expect(report.rows[0]?.flags[0]).toEqual({
      type: "duplicate_in_datanet",
      existing: { datanetId: "d1", rowId: "r1" },
    });
  });

  it("finds near-duplicates of stored rows through an index or a custom source", async () => {
    const stored = text(80, 0);
    const index = new NearDuplicateIndex<ExistingRowRef>();
    index.add({ datanetId: "d9", rowId: "r42" }, minhashSignature({ text: stored }));
    const words = stored.split(" ");
    words[10] = "edited";
    const rows = [row(1, words.join(" ")), row(2, text(80, 9000))];
    const viaIndex = await qualityReport(rows, { nearDuplicateIndex: index });
    expect(viaIndex.rows).toHaveLength(1);
    expect(viaIndex.rows[0]?.flags[0]).toMatchObject({
      type: "near_duplicate",
      twin: { source: "existing", datanetId: "d9", rowId: "r42" },
    });

    const queries: number[] = [];
    const signature = minhashSignature({ text: stored });
    const keys = lshBandKeys(signature);
    const source: ExistingSignatureSource = {
      candidates: async (batch) => {
        queries.push(batch.length);
        return batch.map((q) =>
          q.some((k, b) => k === keys[b]) ? [{ ref: { datanetId: "d9", rowId: "r42" }, signature }] : [],
        );
      },
    };
    const viaSource = await qualityReport(rows, { nearDuplicateIndex: source });
    expect(queries).toEqual([2]);
    expect(viaSource.rows.map((r) => r.flags)).toEqual(viaIndex.rows.map((r) => r.flags));
  });

  it("flags PII with findings, and merges ingest problems into one report in file and line order", async () => {
    const rows = [row(3, "write to jane@example.org please"), row(5, "fine"), row(1, "ok", "b.csv")];
    const report = await qualityReport(rows, {
      ingestProblems: [
        { file: "a.jsonl", line: 4, code: "schema", message: "missing field text", field: "text" },
        { file: "a.jsonl", line: 5, code: "too_long", message: "row exceeds 10,000 characters" },
        { file: "b.csv", line: 2, code: "invalid_encoding", message: "invalid UTF-8" },
      ],
    });
    expect(report.rows.map((r) => [r.file, r.line, r.index, r.flags.map((f) => f.type)])).toEqual([
      ["a.jsonl", 3, 0, ["pii"]],
      ["a.jsonl", 4, null, ["ingest"]],
      ["a.jsonl", 5, 1, ["ingest"]],
      ["b.csv", 2, null, ["ingest"]],
    ]);
    expect(report.rows[0]?.flags[0]).toMatchObject({ type: "pii", findings: [{ kind: "email", field: "text" }] });
    expect(report.rows[1]?.flags[0]).toEqual({
      type: "ingest",
      code: "schema",
      message: "missing field text",
      field: "text",
    });
    expect(report).toMatchObject({ totalRows: 5, flaggedRows: 4, cleanRows: 1, score: 20 });
    expect(report.counts).toEqual({
      ingest: 3,
      duplicate_in_contribution: 0,
      duplicate_in_datanet: 0,
      duplicate_in_other_datanet: 0,
      near_duplicate: 0,
      pii: 1,
    });
  });

  it("reports progress, hands out digests, and validates options", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i + 1, text(20, i * 100)));
    const progress: QualityProgress[] = [];
    const digests: RowDigest[] = [];
    await qualityReport(rows, {
      progressEvery: 10,
      onProgress: (p) => progress.push(p),
      onRow: (i, d) => {
        digests[i] = d;
      },
    });
    expect(progress.map((p) => p.done)).toEqual([10, 20, 25]);
    expect(digests).toHaveLength(25);
    expect(digests[0]?.normalizedHash).toBe(normalizedHash(rows[0]?.fields ?? { text: "" }));
    expect(digests[0]?.rowHash).toMatch(/^0x[0-9a-f]{64}$/);
    await expect(qualityReport(rows, { similarityThreshold: 0 })).rejects.toThrow(RangeError);
  });
});
