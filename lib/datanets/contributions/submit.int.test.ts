import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Address, Hex } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeploymentRecord } from "@/lib/chain/deployments";
import { createDb, type Db, poolOf } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/responses";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { createDatanet } from "../create";
import { docxBomb, utf8 } from "../ingest/testing/fixtures";
import { createDatanetSchema } from "../schemas";
import { contributionTypedData } from "../versions";
import { type ContributionInput, prepareContribution } from "./prepare";
import { datanetSigningId } from "./signing-id";
import { storeContribution } from "./store";
import { type ContributionTarget, type SignedContribution, submitContribution } from "./submit";
import { contributionTarget } from "./target";

// anvil's accounts #7 (contributor) and #8 (someone else).
const alice = privateKeyToAccount("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
const mallory = privateKeyToAccount("0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97");
let db: Db;
let deployment: DeploymentRecord;
let domain: { chainId: number; verifyingContract: Address };
let users: Record<"alice" | "mallory" | "owner", { userId: string; address: Address }>;
let instructions: ContributionTarget;
let texts: ContributionTarget;

const CSV =
  "prompt,completion\nWhat does CWE-79 cover?,Cross-site scripting.\nWhat is a reentrancy bug?,Calling out before updating state.\n";
const JSONL = '{"prompt":"What is an integer overflow?","completion":"Arithmetic past the type\'s range."}\n';

async function user(account: PrivateKeyAccount) {
  const address = account.address.toLowerCase() as Address;
  const row = await db.user.upsert({ where: { address }, create: { address }, update: {} });
  return { userId: row.id, address: account.address };
}

async function newTarget(kind: "instruction" | "text", visibility: "public" | "private" = "public") {
  const created = await createDatanet(
    db,
    users.owner.userId,
    createDatanetSchema.parse({
      name: `Contribution tests ${kind}`,
      summary: "Checks how contributions are parsed, signed and stored.",
      domain: "testing",
      license: "CC-BY-4.0",
      kind,
      visibility,
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "stakers" },
    }),
  );
  return contributionTarget(db, created.id, users.owner);
}

const files = (...entries: [string, string | Uint8Array][]): ContributionInput => ({
  files: entries.map(([name, content]) => ({ name, bytes: typeof content === "string" ? utf8(content) : content })),
});

/** Prepares the files as the preview does and signs what it gives, with overrides to break one thing. */
async function signedFor(
  target: ContributionTarget,
  input: ContributionInput,
  options: {
    account?: PrivateKeyAccount;
    nonce?: bigint;
    deadline?: number;
    override?: Partial<SignedContribution>;
  } = {},
): Promise<SignedContribution> {
  const prepared = await prepareContribution(db, target, input);
  const account = options.account ?? alice;
  const deadline = options.deadline ?? Math.floor(Date.now() / 1000) + 3600;
  const nonce = options.nonce ?? BigInt(Math.floor(Math.random() * 2 ** 48));
  const signDomain = { ...domain, ...(options.override?.chainId ? { chainId: options.override.chainId } : {}) };
  const message = {
    datanetId: datanetSigningId(target.id),
    contentRoot: (options.override?.contentRoot ?? prepared.contentRoot) as Hex,
    rowCount: BigInt(options.override?.rowCount ?? prepared.rowCount),
    license: options.override?.license ?? target.license,
    nonce,
    deadline: BigInt(deadline),
  };
  const signature = await account.signTypedData(contributionTypedData(signDomain, message));
  return {
    contentRoot: message.contentRoot,
    rowCount: Number(message.rowCount),
    license: message.license,
    nonce: nonce.toString(),
    deadline,
    signature,
    chainId: signDomain.chainId,
    verifyingContract: domain.verifyingContract,
    ...options.override,
  };
}

const submit = (target: ContributionTarget, input: ContributionInput, signed: SignedContribution, who = users.alice) =>
  submitContribution(db, { datanet: target, contributor: who, contribution: input, signed, domain });

async function counts() {
  return { contributions: await db.contribution.count(), rows: await db.datanetRow.count() };
}

/** The request fails with a 4xx JSON error of this code, and the database holds exactly what it held. */
async function expectRejected(attempt: () => Promise<unknown>, status: number, code: string) {
  const before = await counts();
  let failure: unknown;
  try {
    await attempt();
  } catch (error) {
    failure = error;
  }
  expect(failure, `expected ${code}`).toBeDefined();
  const response = errorResponse(failure);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.message.length).toBeGreaterThan(20);
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-contrib-")), "31337.json");
  ({ record: deployment } = await deployAll({
    rpcUrl: process.env.RPC_URL as string,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  }));
  domain = { chainId: 31337, verifyingContract: deployment.contracts.DatanetRegistry.address };
  db = createDb(process.env.DATABASE_URL as string);
  users = {
    alice: await user(alice),
    mallory: await user(mallory),
    owner: await user(privateKeyToAccount("0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6")),
  };
  instructions = await newTarget("instruction");
  texts = await newTarget("text");
}, 240_000);
afterAll(async () => {
  await db?.$disconnect();
});

describe("submitting a signed contribution", () => {
  it("stores the contribution and every row with hashes, signature and flags, in file order", async () => {
    const input = files(["audit.csv", CSV], ["more.jsonl", JSONL]);
    const signed = await signedFor(instructions, input);
    const { contribution } = await submit(instructions, input, signed);
    const rows = await db.datanetRow.findMany({
      where: { contributionId: contribution.id },
      orderBy: { position: "asc" },
    });
    expect(contribution).toMatchObject({ rowCount: 3, status: "pending", contentRoot: signed.contentRoot });
    expect(rows.map((r) => [r.file, r.line])).toEqual([
      ["audit.csv", 2],
      ["audit.csv", 3],
      ["more.jsonl", 1],
    ]);
    expect(rows[0]?.rowHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await db.datanetRowBand.count({ where: { rowId: rows[0]?.id } })).toBeGreaterThan(0);
    expect(rows[0]?.minhash.length).toBe(512);
  });

  it("flags a row that duplicates stored data, and redacts PII when asked, before signing", async () => {
    const input = {
      ...files(["again.jsonl", `${JSONL}{"prompt":"Mail me","completion":"at bob@example.com please"}\n`]),
      redactPii: true,
    };
    const signed = await signedFor(instructions, input);
    const { contribution, prepared } = await submit(instructions, input, signed);
    expect(prepared.report.counts.duplicate_in_datanet).toBe(1);
    expect(prepared.redactedRows).toBe(1);
    const rows = await db.datanetRow.findMany({
      where: { contributionId: contribution.id },
      orderBy: { position: "asc" },
    });
    expect(JSON.stringify(rows[1]?.fields)).not.toContain("bob@example.com");
    expect(JSON.stringify(rows[0]?.flags)).toContain("duplicate_in_datanet");
  });
});

describe("bad contributions are refused with a 4xx and change nothing", () => {
  const text = "A paragraph of plain text for the text Datanet.\n\nAnother paragraph.";

  it.each([
    [
      "a binary file renamed .csv",
      "photo.csv",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      415,
      "binary_file",
    ],
    [
      "invalid UTF-8",
      "bad.csv",
      new Uint8Array([...utf8("prompt,completion\nok,caf"), 0xe9, ...utf8("\n")]),
      422,
      "invalid_encoding",
    ],
    ["an empty file", "empty.jsonl", "", 422, "empty_file"],
    ["inconsistent CSV columns", "ragged.csv", "prompt,completion\na\nb\nc,d,e,f\n", 422, "inconsistent_columns"],
    [
      "a JSONL file whose lines are broken",
      "broken.jsonl",
      '{"prompt": "a", "completion":\n{oops}\n',
      422,
      "parse_error",
    ],
    ["a CSV without the mapped columns", "cols.csv", "question_text,answer_text,extra\nq,a,x\n", 422, "missing_column"],
    ["plain text for an instruction Datanet", "notes.txt", "Just prose.", 422, "kind_mismatch"],
    ["an unsupported file type", "tool.exe", "MZ", 415, "unsupported_format"],
    ["an unclosed CSV quote", "quote.csv", 'prompt,completion\n"never closed,x\n', 422, "unclosed_quote"],
  ] as const)("%s", async (_, name, content, status, code) => {
    const input = files([name, content]);
    const signed = await signedFor(texts, files(["ok.txt", text]));
    await expectRejected(() => submit(instructions, input, signed), status, code);
  });

  it("a zip-bomb .docx", async () => {
    const signed = await signedFor(texts, files(["ok.txt", text]));
    await expectRejected(() => submit(texts, files(["bomb.docx", docxBomb(80)]), signed), 413, "zip_bomb");
  });

  it("a file over the size limit, naming the limit", async () => {
    const input = { ...files(["big.txt", "x".repeat(2048)]), limits: { maxFileBytes: 1024 } };
    const signed = await signedFor(texts, files(["ok.txt", text]));
    await expectRejected(() => submit(texts, input, signed), 413, "file_too_large");
  });

  it("a replayed signature (same nonce)", async () => {
    const input = files(["replay.txt", "A row to replay the signature of."]);
    const signed = await signedFor(texts, input, { nonce: 424242n });
    await submit(texts, input, signed);
    await expectRejected(() => submit(texts, input, signed), 409, "nonce_used");
  });

  it("the same signature sent twice at once: one is stored, the other refused, no band key left behind", async () => {
    const input = files(["race.txt", "Two tabs sent this contribution at the very same moment, with one signature."]);
    const signed = await signedFor(texts, input, { nonce: 515151n });
    const before = await counts();
    const bandsBefore = await db.datanetRowBand.count();
    const results = await Promise.allSettled([submit(texts, input, signed), submit(texts, input, signed)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const response = errorResponse(refused.reason);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("nonce_used");
    expect(await counts()).toEqual({ contributions: before.contributions + 1, rows: before.rows + 1 });
    expect(await db.datanetRowBand.count()).toBe(bandsBefore + 21);
  });

  it("a store that fails mid-COPY leaves no contribution, no row and no band key", async () => {
    const prepared = await prepareContribution(db, texts, files(["fine.txt", "A fine row.\n\nAnother fine row here."]));
    expect(prepared.rowCount).toBe(2);
    // PostgreSQL's jsonb refuses \u0000: the second row breaks the rows' COPY after the first went through.
    const rows = prepared.rows.map((row, i) => (i === 1 ? { ...row, fields: { text: "nul \u0000 inside" } } : row));
    const before = await counts();
    const bandsBefore = await db.datanetRowBand.count();
    await expect(
      storeContribution(poolOf(db), {
        datanetId: texts.id,
        contributorId: users.alice.userId,
        contentRoot: prepared.contentRoot,
        rowCount: prepared.rowCount,
        license: texts.license,
        nonce: "616161",
        deadline: new Date(Date.now() + 3_600_000),
        signature: "0x00",
        files: prepared.files,
        qualityReport: prepared.report,
        rows,
        flagsOf: () => [],
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db.datanetRowBand.count()).toBe(bandsBefore);
  });

  it("an expired deadline", async () => {
    const input = files(["late.txt", "Signed an hour ago."]);
    const signed = await signedFor(texts, input, { deadline: Math.floor(Date.now() / 1000) - 3600 });
    await expectRejected(() => submit(texts, input, signed), 400, "deadline_passed");
  });

  it("a deadline too far ahead", async () => {
    const input = files(["far.txt", "Valid for a month."]);
    const signed = await signedFor(texts, input, { deadline: Math.floor(Date.now() / 1000) + 30 * 86400 });
    await expectRejected(() => submit(texts, input, signed), 400, "deadline_too_far");
  });

  it("a signature from another address than the signed-in one", async () => {
    const input = files(["theirs.txt", "Signed by Mallory, sent by Alice."]);
    const signed = await signedFor(texts, input, { account: mallory });
    await expectRejected(() => submit(texts, input, signed), 400, "signer_mismatch");
  });

  it("files that differ from what was signed", async () => {
    const signed = await signedFor(texts, files(["a.txt", "What was signed."]));
    await expectRejected(() => submit(texts, files(["a.txt", "Something else."]), signed), 422, "content_mismatch");
  });

  it("a tampered row count", async () => {
    const input = files(["count.txt", "One row."]);
    const signed = { ...(await signedFor(texts, input)), rowCount: 2 };
    await expectRejected(() => submit(texts, input, signed), 422, "content_mismatch");
  });

  it("another licence than the Datanet's", async () => {
    const input = files(["lic.txt", "Licensed otherwise."]);
    const signed = await signedFor(texts, input, { override: { license: "MIT" } });
    await expectRejected(() => submit(texts, input, signed), 422, "content_mismatch");
  });

  it("a signature for another chain", async () => {
    const input = files(["chain.txt", "Signed on chain 1."]);
    const signed = await signedFor(texts, input, { override: { chainId: 1 } });
    await expectRejected(() => submit(texts, input, signed), 400, "wrong_chain");
  });

  it("a signature for another registry contract", async () => {
    const input = files(["contract.txt", "Signed for a stranger contract."]);
    const signed = await signedFor(texts, input, {
      override: { verifyingContract: "0x000000000000000000000000000000000000dEaD" },
    });
    await expectRejected(() => submit(texts, input, signed), 400, "wrong_contract");
  });

  it("a private Datanet one was not invited to", async () => {
    const secret = await newTarget("text", "private");
    await expectRejected(() => contributionTarget(db, secret.id, users.alice), 404, "datanet_not_found");
  });
});
