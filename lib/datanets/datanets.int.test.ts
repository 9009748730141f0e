import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createDatanet } from "./create";
import { getDatanet } from "./get";
import { listDatanets } from "./list";
import { createDatanetSchema, listDatanetsSchema } from "./schemas";

let db: Db;
let owner: { id: string };
let other: { id: string };

const input = (overrides: Record<string, unknown> = {}) =>
  createDatanetSchema.parse({
    name: "Solidity audit findings",
    summary: "Vulnerability write-ups from public smart-contract audits.",
    description: "## Rows\nOne finding per row.",
    tags: ["Security", "solidity"],
    domain: "Web3",
    license: "CC-BY-4.0",
    kind: "instruction",
    review: { minReviews: 1, approvalThreshold: 0.5, reviewers: "stakers" },
    ...overrides,
  });

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  const suffix = Date.now().toString(16);
  owner = await db.user.create({ data: { address: `0x${suffix.padStart(40, "a")}` } });
  other = await db.user.create({ data: { address: `0x${suffix.padStart(40, "b")}` } });
});
afterAll(async () => {
  await db.$disconnect();
});

describe("Datanets against PostgreSQL", () => {
  it("creates one with its settings, normalized tags and domain, and invited reviewers", async () => {
    const created = await createDatanet(
      db,
      owner.id,
      input({
        name: "Private reviews",
        visibility: "private",
        review: {
          minReviews: 2,
          approvalThreshold: 1,
          reviewers: "invited",
          invited: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"],
        },
      }),
    );
    expect(created.slug).toMatch(/^private-reviews-[0-9a-f]{6}$/);
    const detail = await getDatanet(db, created.slug, owner.id);
    expect(detail).toMatchObject({
      tags: ["security", "solidity"],
      domain: "web3",
      kind: "instruction",
      visibility: "private",
      review: { minReviews: 2, approvalThreshold: 1, reviewers: "invited" },
      stats: { rows: 0, contributors: 0, versions: 0, cleanShare: null },
    });
    expect(detail.review.invited).toEqual([
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
      "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
    ]);
    // Private: anyone but the owner gets the not-found answer.
    await expect(getDatanet(db, created.id, other.id)).rejects.toMatchObject({
      status: 404,
      code: "datanet_not_found",
    });
    await expect(getDatanet(db, created.id)).rejects.toBeInstanceOf(DomainError);
  });

  it("lists public ones with search, tag, domain and kind filters, and the owner's private ones", async () => {
    const a = await createDatanet(db, owner.id, input({ name: "Moby-Dick passages", kind: "text", tags: ["prose"] }));
    const b = await createDatanet(
      db,
      other.id,
      input({ name: "Phishing e-mails", kind: "labelled", domain: "security" }),
    );
    const query = (q: Record<string, string>) => listDatanetsSchema.parse(q);
    const ids = async (q: Record<string, string>, viewer?: string) =>
      (await listDatanets(db, query(q), viewer)).items.map((d) => d.id);
    expect(await ids({ q: "moby" })).toEqual([a.id]);
    expect(await ids({ q: "100%_" })).toEqual([]);
    expect(await ids({ tag: "prose" })).toEqual([a.id]);
    expect(await ids({ domain: "Security", kind: "labelled" })).toEqual([b.id]);
    const everyone = await listDatanets(db, query({ pageSize: "100" }));
    expect(everyone.items.every((d) => d.visibility === "public")).toBe(true);
    const mine = await listDatanets(db, query({ pageSize: "100" }), owner.id);
    expect(mine.items.some((d) => d.visibility === "private")).toBe(true);
    expect(mine.total).toBe(everyone.total + 1);
    expect((await listDatanets(db, query({ sort: "name", pageSize: "1", page: "2" }))).items).toHaveLength(1);
  });

  it("rejects bad settings naming the field", () => {
    const issues = (overrides: Record<string, unknown>) =>
      createDatanetSchema.safeParse({ ...input(), ...overrides }).error?.issues.map((i) => i.path.join("."));
    expect(issues({ license: "MIT-ish" })).toEqual(["license"]);
    expect(issues({ kind: "images" })).toEqual(["kind"]);
    expect(issues({ tags: ["no spaces allowed"] })).toEqual(["tags.0"]);
    expect(issues({ review: { minReviews: 3, approvalThreshold: 0.5, reviewers: "invited", invited: [] } })).toEqual([
      "review.invited",
    ]);
    expect(issues({ review: { minReviews: 0, approvalThreshold: 1.5, reviewers: "stakers" } })).toEqual([
      "review.minReviews",
      "review.approvalThreshold",
    ]);
  });
});
