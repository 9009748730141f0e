/**
 * `npm run bench:ingest [-- --json] [--rows N] [--leaves N]`: the Datanet ingest pipeline on a
 * generated 100,000-row (~50 MB) labelled CSV and the same rows as JSONL — parse, every quality check
 * (exact and near duplicates against the stored rows, PII), signature check and the transactional
 * store into PostgreSQL — with rows/s and each run's peak memory (goal ≥ 10,000 rows/s, ≤ 512 MB),
 * then the time to build a version's Merkle root over 1,000,000 leaves (goal ≤ 3 s).
 * Starts its own embedded PostgreSQL on port 54333 (data in .data/bench), with a fresh database.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { measureVersionTreeBuild } from "../../lib/datanets/versions/bench-merkle";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/runner";
import { dropDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { positiveInt, printTable } from "./common";
import { generateRows, toCsv, toJsonl } from "./ingest/generate";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    leaves: { type: "string", default: "1000000" },
    json: { type: "boolean", default: false },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const data = path.join(root, ".data", "bench");
const run = promisify(execFile);
const say = (line: string) => {
  if (!args.json) console.log(line);
};

interface IngestResult {
  format: string;
  bytes: number;
  rows: number;
  flagged: number;
  counts: Record<string, number>;
  previewMs: number;
  previewPhasesMs: Record<string, number>;
  submitPhasesMs: Record<string, number>;
  submitMs: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

async function main() {
  const rows = positiveInt("rows", args.rows);
  const leaves = positiveInt("leaves", args.leaves);
  const database = `mf_bench_${Date.now().toString(36)}`;
  say("starting PostgreSQL for the benchmark…");
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(data, "postgres"),
    port: 54333,
    database,
    logDir: path.join(data, "logs"),
    runDir: path.join(data, "run"),
  });
  try {
    await applyMigrations(postgres.url);
    const db = createDb(postgres.url);
    const user = await db.user.create({ data: { address: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc" } });
    const datanet = await db.datanet.create({
      data: {
        slug: "bench",
        name: "Ingest benchmark",
        summary: "Generated labelled rows.",
        description: "",
        domain: "bench",
        license: "CC0-1.0",
        kind: "labelled",
        minReviews: 1,
        approvalThreshold: 1,
        reviewerPolicy: "stakers",
        ownerId: user.id,
      },
    });
    await db.$disconnect();
    const results: IngestResult[] = [];
    for (const format of ["csv", "jsonl"] as const) {
      say(`ingesting ${rows.toLocaleString("en")} rows as ${format.toUpperCase()}…`);
      const generated = generateRows(rows, format === "csv" ? 1 : 2);
      const file = path.join(data, `bench.${format}`);
      await writeFile(file, format === "csv" ? toCsv(generated) : toJsonl(generated));
      const { stdout } = await run(
        process.execPath,
        [
          ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
          "--import",
          "tsx",
          path.join(root, "scripts/bench/ingest/run-one.ts"),
          `--format=${format}`,
          `--file=${file}`,
          `--datanet=${datanet.id}`,
          `--user=${user.id}`,
        ],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: postgres.url },
          maxBuffer: 16 * 1024 * 1024,
          timeout: 600_000,
        },
      );
      const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as IngestResult;
      results.push(result);
      if (args.json) console.log(JSON.stringify({ bench: "ingest", ...result }));
    }
    say(`building a Merkle root over ${leaves.toLocaleString("en")} leaves…`);
    const merkle = measureVersionTreeBuild(leaves);
    if (args.json) {
      console.log(JSON.stringify({ bench: "merkle", leaves, ms: Math.round(merkle.ms), root: merkle.root }));
      return;
    }
    console.log("");
    printTable(
      ["format", "MB", "rows", "flagged", "parse+check (preview) s", "end to end (submit) s", "rows/s", "peak RSS MB"],
      results.map((r) => [
        r.format,
        (r.bytes / 1e6).toFixed(1),
        String(r.rows),
        String(r.flagged),
        (r.previewMs / 1000).toFixed(1),
        (r.submitMs / 1000).toFixed(1),
        String(r.rowsPerSecond),
        String(r.peakRssMb),
      ]),
    );
    const byPhase = (phases: Record<string, number>) =>
      Object.entries(phases)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
        .join(", ");
    for (const r of results) {
      console.log(`${r.format} preview by phase: ${byPhase(r.previewPhasesMs)}`);
      console.log(`${r.format} submit by phase: ${byPhase(r.submitPhasesMs)}`);
    }
    console.log("\nend to end = parse, quality checks against the stored rows, signature check, transactional store");
    console.log(
      `goal: ≥ 10,000 rows/s and ≤ 512 MB peak; Merkle root over ${leaves.toLocaleString("en")} leaves: ${(merkle.ms / 1000).toFixed(2)} s (goal ≤ 3 s)`,
    );
  } finally {
    await dropDatabase(postgres.urlFor("postgres"), database).catch(() => {});
    await postgres.stop();
  }
}

await main();
