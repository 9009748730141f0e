/**
 * One measured ingest (a child process of `npm run bench:ingest`, so its peak memory is its own):
 * a generated file through the real pipeline — parse, every quality check against the database
 * (exact and near duplicates), EIP-712 signature check, and the transactional store — on the
 * PostgreSQL in DATABASE_URL. Prints one JSON line.
 */
import { parseArgs } from "node:util";
import { privateKeyToAccount } from "viem/accounts";
import { prepareContribution } from "../../../lib/datanets/contributions/prepare";
import { datanetSigningId } from "../../../lib/datanets/contributions/signing-id";
import { submitContribution } from "../../../lib/datanets/contributions/submit";
import { contributionTypedData } from "../../../lib/datanets/versions/signature";
import { createDb } from "../../../lib/db/client";
import { generateRows, toCsv, toJsonl } from "./generate";

const { values } = parseArgs({
  options: {
    format: { type: "string" },
    rows: { type: "string" },
    datanet: { type: "string" },
    user: { type: "string" },
  },
});
const format = values.format === "jsonl" ? "jsonl" : "csv";
const count = Number(values.rows);
const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const domain = { chainId: 31337, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const };
const db = createDb(process.env.DATABASE_URL as string);

// The file exists before the clock starts, as an upload would.
const rows = generateRows(count, format === "csv" ? 1 : 2);
const bytes = format === "csv" ? toCsv(rows) : toJsonl(rows);
rows.length = 0;
const datanet = {
  id: values.datanet as string,
  kind: "labelled" as const,
  license: "CC0-1.0",
  visibility: "public" as const,
  ownerId: values.user as string,
  invited: [],
};
const input = { files: [{ name: `bench.${format}`, bytes }] };

const started = performance.now();
// Where the preview's time goes, by phase (the report's progress callbacks mark the boundaries).
const phases: Record<string, number> = {};
let phase = "parse";
let phaseStart = started;
const onProgress = (p: { phase: string }) => {
  if (p.phase === phase) return;
  phases[phase] = Math.round(performance.now() - phaseStart);
  phase = p.phase;
  phaseStart = performance.now();
};
// What the contributor's browser does before signing: the preview gives the root to sign.
const prepared = await prepareContribution(db, datanet, input, { viewerId: datanet.ownerId, onProgress });
phases[phase] = Math.round(performance.now() - phaseStart);
const previewMs = performance.now() - started;
const deadline = Math.floor(Date.now() / 1000) + 3600;
const nonce = BigInt(Date.now());
const signature = await account.signTypedData(
  contributionTypedData(domain, {
    datanetId: datanetSigningId(datanet.id),
    contentRoot: prepared.contentRoot,
    rowCount: BigInt(prepared.rowCount),
    license: "CC0-1.0",
    nonce,
    deadline: BigInt(deadline),
  }),
);
const submitStarted = performance.now();
const { prepared: stored } = await submitContribution(db, {
  datanet,
  contributor: { userId: datanet.ownerId, address: account.address },
  contribution: input,
  signed: {
    contentRoot: prepared.contentRoot,
    rowCount: prepared.rowCount,
    license: "CC0-1.0",
    nonce: nonce.toString(),
    deadline,
    signature,
    ...domain,
  },
  domain,
});
const submitMs = performance.now() - submitStarted;
await db.$disconnect();
console.log(
  JSON.stringify({
    format,
    bytes: bytes.length,
    rows: stored.rowCount,
    flagged: stored.report.flaggedRows,
    counts: stored.report.counts,
    previewMs: Math.round(previewMs),
    previewPhasesMs: phases,
    submitMs: Math.round(submitMs),
    rowsPerSecond: Math.round(stored.rowCount / (submitMs / 1000)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
