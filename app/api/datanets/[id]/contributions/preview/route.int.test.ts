import type { Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import { createDatanet } from "@/lib/datanets/create";
import type { RowFields } from "@/lib/datanets/kinds";
import { lshBandKeys, minhashSignature, normalizedHash, rowHash, signatureToBytes } from "@/lib/datanets/quality";
import type { RowFlag } from "@/lib/datanets/quality/report";
import { createDatanetSchema } from "@/lib/datanets/schemas";
import { db as appDb, createDb, type Db } from "@/lib/db/client";
import { POST } from "./route";

// The route reads the session from the request's cookie: give it the token of a real session.
const cookie = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && cookie.token ? { name, value: cookie.token } : undefined),
  }),
}));

let db: Db;
let ownerId: string;
const targets: Record<"spam" | "secret" | "target", { id: string; slug: string; name: string }> = {} as never;

// anvil's accounts #5 (the contributor, who owns nothing) and #6 (owner of the other Datanets).
const contributor = privateKeyToAccount("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
const owner = privateKeyToAccount("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d516b8d988b8f4ce37");

const PARAGRAPH =
  "Congratulations you have been selected to receive a free cruise to the Bahamas for two people, call the number " +
  "below within the next twenty four hours to claim your prize and do not forget to bring your booking code with you";
const SPAM_ROWS = [
  "WINNER!! As a valued network customer you have been selected to receive a 900 prize reward! Call now.",
  "Had your mobile 11 months or more? You are entitled to update to the latest colour mobiles with camera for free.",
  PARAGRAPH,
];

async function datanet(name: string, visibility: "public" | "private") {
  const created = await createDatanet(
    db,
    ownerId,
    createDatanetSchema.parse({
      name,
      summary: "Rows for the preview route's integration tests.",
      domain: "testing",
      license: "CC-BY-4.0",
      kind: "text",
      visibility,
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "stakers" },
    }),
  );
  return { id: created.id, slug: created.slug, name };
}

/** Stores rows in a Datanet as an accepted contribution would leave them (hashes, MinHash, LSH bands). */
async function storeRows(datanetId: string, texts: string[]): Promise<bigint[]> {
  const contribution = await db.contribution.create({
    data: {
      datanetId,
      contributorId: ownerId,
      status: "accepted",
      contentRoot: `0x${"0".repeat(64)}`,
      rowCount: texts.length,
      license: "CC-BY-4.0",
      nonce: String(Math.floor(Math.random() * 2 ** 48)),
      deadline: new Date(Date.now() + 3_600_000),
      signature: `0x${"1".repeat(130)}`,
      files: [],
      qualityReport: {},
    },
  });
  const ids: bigint[] = [];
  for (const [position, text] of texts.entries()) {
    const fields: RowFields = { text };
    const signature = minhashSignature(fields);
    const row = await db.datanetRow.create({
      data: {
        datanetId,
        contributionId: contribution.id,
        position,
        file: "seed.txt",
        line: position + 1,
        fields,
        rowHash: rowHash(fields),
        normHash: normalizedHash(fields),
        minhash: new Uint8Array(signatureToBytes(signature)),
      },
    });
    await db.datanetRowBand.createMany({
      data: Array.from(lshBandKeys(signature), (key) => ({ bandKey: key | 0, rowId: row.id })),
      skipDuplicates: true,
    });
    ids.push(row.id);
  }
  return ids;
}

function previewRequest(
  datanetId: string,
  files: [string, string | Uint8Array<ArrayBuffer>][],
  init: { accept?: string; query?: string } = {},
) {
  const form = new FormData();
  for (const [name, content] of files) form.append("files", new File([content], name));
  const request = new Request(`http://localhost/api/datanets/${datanetId}/contributions/preview${init.query ?? ""}`, {
    method: "POST",
    body: form,
    headers: init.accept ? { Accept: init.accept } : {},
  });
  return POST(request, { params: Promise.resolve({ id: datanetId }) });
}

type Line = { type: string; [key: string]: unknown };

/** Reads an NDJSON body as it arrives, noting when each line came. */
async function readLines(response: Response): Promise<{ line: Line; at: number }[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const out: { line: Line; at: number }[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      out.push({ line: JSON.parse(buffer.slice(0, newline)) as Line, at: Date.now() });
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
    }
    if (done) break;
  }
  expect(buffer).toBe("");
  return out;
}

interface PreviewBody {
  rowCount: number;
  contentRoot: string;
  report: { rows: { line: number; flags: RowFlag[] }[]; counts: Record<string, number> };
  twinDatanets: Record<string, { name: string; slug: string }>;
}

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  const ownerUser = await db.user.upsert({
    where: { address: owner.address.toLowerCase() },
    create: { address: owner.address.toLowerCase() },
    update: {},
  });
  ownerId = ownerUser.id;
  const session = await createSession(db, { address: contributor.address as Address, chainId: 31337, ttlHours: 1 });
  cookie.token = session.token;
  const suffix = Date.now().toString(36);
  targets.spam = await datanet(`Spam or ham ${suffix}`, "public");
  targets.secret = await datanet(`Secret spam ${suffix}`, "private");
  targets.target = await datanet(`Preview target ${suffix}`, "public");
  await storeRows(targets.spam.id, SPAM_ROWS);
  await storeRows(targets.secret.id, ["A row only the owner of a private Datanet may know about, word for word."]);
  await storeRows(targets.target.id, ["This sentence is already stored in the Datanet being contributed to."]);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await appDb().$disconnect();
});

describe("POST /api/datanets/:id/contributions/preview, streamed", () => {
  it("answers NDJSON: throttled progress lines while it works, then the result", async () => {
    const lines = Array.from({ length: 25_000 }, (_, i) =>
      JSON.stringify({ text: `Row number ${i} says something about topic ${i * 7919} in its own words.` }),
    ).join("\n");
    const started = Date.now();
    const response = await previewRequest(targets.target.id, [["many.jsonl", lines]], {
      accept: "application/x-ndjson",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const got = await readLines(response);
    const elapsed = Date.now() - started;

    const progress = got.filter((g) => g.line.type === "progress").map((g) => g.line);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const p of progress) {
      expect(["parse", "rows", "existing_duplicates", "existing_near_duplicates"]).toContain(p.phase);
      expect(p.done).toBeLessThanOrEqual(p.total as number);
      expect(Object.keys(p).sort()).toEqual(["done", "phase", "total", "type"]);
    }
    expect(progress.some((p) => p.phase === "rows" && (p.done as number) < 25_000)).toBe(true);
    // Throttled to about ten a second.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);

    const last = got.at(-1)?.line as Line & PreviewBody;
    expect(last.type).toBe("result");
    expect(got.filter((g) => g.line.type === "result")).toHaveLength(1);
    expect(last.rowCount).toBe(25_000);
    expect(last.contentRoot).toMatch(/^0x[0-9a-f]{64}$/);
    expect(last.twinDatanets).toEqual({});
  });

  it("streams on ?stream=1 too, and a quick check is just the result line", async () => {
    const response = await previewRequest(targets.target.id, [["one.txt", "One short paragraph of plain text."]], {
      query: "?stream=1",
    });
    expect(response.status).toBe(200);
    const got = await readLines(response);
    expect(got.at(-1)?.line).toMatchObject({ type: "result", rowCount: 1 });
  });

  it("keeps the 4xx JSON for refusals found before streaming", async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const refused = await previewRequest(targets.target.id, [["photo.csv", binary]], {
      accept: "application/x-ndjson",
    });
    expect(refused.status).toBe(415);
    expect(refused.headers.get("content-type")).toContain("application/json");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("binary_file");

    cookie.token = undefined;
    try {
      const anonymous = await previewRequest(targets.target.id, [["one.txt", "Text."]], {
        accept: "application/x-ndjson",
      });
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("not_signed_in");
    } finally {
      const session = await createSession(db, {
        address: contributor.address as Address,
        chainId: 31337,
        ttlHours: 1,
      });
      cookie.token = session.token;
    }
  });
});

describe("POST /api/datanets/:id/contributions/preview, twin Datanets", () => {
  const near = PARAGRAPH.replace("with you", "with them");
  const file = [
    SPAM_ROWS[0],
    near,
    "This sentence is already stored in the Datanet being contributed to.",
    "A row only the owner of a private Datanet may know about, word for word.",
    "A brand new row nobody has seen before, about something else entirely.",
  ]
    .map((text) => JSON.stringify({ text }))
    .join("\n");

  it("names and slugs every Datanet the flags point into, as plain JSON", async () => {
    const response = await previewRequest(targets.target.id, [["twins.jsonl", file]]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as PreviewBody;

    const flagsOf = (line: number) => body.report.rows.find((r) => r.line === line)?.flags ?? [];
    expect(flagsOf(1)).toContainEqual({
      type: "duplicate_in_other_datanet",
      existing: { datanetId: targets.spam.id, rowId: expect.any(String) },
    });
    const nearFlag = flagsOf(2).find((f) => f.type === "near_duplicate");
    expect(nearFlag).toMatchObject({ twin: { source: "existing", datanetId: targets.spam.id } });
    expect(flagsOf(3)).toContainEqual({
      type: "duplicate_in_datanet",
      existing: { datanetId: targets.target.id, rowId: expect.any(String) },
    });
    // The private Datanet's row is not the contributor's to see: no flag, and no name.
    expect(flagsOf(4)).toEqual([]);

    expect(body.twinDatanets).toEqual({
      [targets.spam.id]: { name: targets.spam.name, slug: targets.spam.slug },
      [targets.target.id]: { name: targets.target.name, slug: targets.target.slug },
    });
  });

  it("carries the same names in the streamed result", async () => {
    const response = await previewRequest(targets.target.id, [["twins.jsonl", file]], {
      accept: "application/x-ndjson",
    });
    const got = await readLines(response);
    const result = got.at(-1)?.line as Line & PreviewBody;
    expect(result.type).toBe("result");
    expect(result.twinDatanets[targets.spam.id]).toEqual({ name: targets.spam.name, slug: targets.spam.slug });
    expect(Object.keys(result.twinDatanets)).not.toContain(targets.secret.id);
  });
});
