import type { Address, Hex } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { listRows, rowsQuerySchema } from "../browse";
import { prepareContribution } from "../contributions/prepare";
import { datanetSigningId } from "../contributions/signing-id";
import { submitContribution } from "../contributions/submit";
import { contributionTarget } from "../contributions/target";
import { createDatanet } from "../create";
import { utf8 } from "../ingest/testing/fixtures";
import { draftVersion } from "../publishing/draft";
import { createDatanetSchema } from "../schemas";
import { versionDiff } from "../version-diff";
import { contributorProofs } from "../version-proofs";
import { contributionTypedData, krippendorffAlphaNominal, verifyLeafProof } from "../versions";
import { datanetAgreement } from "./agreement";
import { contributionsOf } from "./mine";
import { reviewQueue } from "./queue";
import { reviewSchema } from "./schemas";
import { submitReview } from "./submit-review";

// anvil's well-known keys, used offline here: signatures need no chain.
const keys = {
  owner: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  alice: "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  bob: "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  reviewerA: "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  reviewerB: "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
} as const;
const accounts = Object.fromEntries(
  Object.entries(keys).map(([name, key]) => [name, privateKeyToAccount(key)]),
) as Record<keyof typeof keys, PrivateKeyAccount>;
const domain = { chainId: 31337, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address };
type Who = { userId: string; address: Address };
const users = {} as Record<keyof typeof keys, Who>;
let db: Db;
let datanetId: string;
let nonce = 0;

async function contribute(who: keyof typeof keys, csv: string) {
  const author = users[who];
  const target = await contributionTarget(db, datanetId, author);
  const input = { files: [{ name: `${who}.csv`, bytes: utf8(csv) }] };
  const prepared = await prepareContribution(db, target, input);
  const deadline = Math.floor(Date.now() / 1000) + 600;
  nonce += 1;
  const signature = await accounts[who].signTypedData(
    contributionTypedData(domain, {
      datanetId: datanetSigningId(datanetId),
      contentRoot: prepared.contentRoot,
      rowCount: BigInt(prepared.rowCount),
      license: "CC0-1.0",
      nonce: BigInt(nonce),
      deadline: BigInt(deadline),
    }),
  );
  const { contribution } = await submitContribution(db, {
    datanet: target,
    contributor: author,
    contribution: input,
    signed: {
      contentRoot: prepared.contentRoot,
      rowCount: prepared.rowCount,
      license: "CC0-1.0",
      nonce: String(nonce),
      deadline,
      signature,
      ...domain,
    },
    domain,
  });
  return contribution.id;
}

const review = (who: keyof typeof keys, contributionId: string, body: unknown) =>
  submitReview(db, {
    contributionId,
    reviewer: users[who],
    review: reviewSchema.parse(body),
    isStaker: async () => false,
  });

const queueOf = (who: keyof typeof keys) =>
  reviewQueue(db, { datanetId, reviewer: users[who], isStaker: async () => false });

/** Drafts the next version and marks it confirmed, as the confirm step does after the chain's event. */
async function publish(changelog: string) {
  const { version } = await draftVersion(db, { datanetId, ownerId: users.owner.userId, changelog });
  await db.datanetVersion.update({ where: { id: version.id }, data: { status: "confirmed", confirmedAt: new Date() } });
  return version;
}

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  for (const [name, account] of Object.entries(accounts)) {
    const address = account.address.toLowerCase() as Address;
    const row = await db.user.upsert({ where: { address }, create: { address }, update: {} });
    users[name as keyof typeof keys] = { userId: row.id, address: account.address };
  }
  const created = await createDatanet(
    db,
    users.owner.userId,
    createDatanetSchema.parse({
      name: "Review read models",
      summary: "Queue, decisions, agreement, diffs and proofs over real rows.",
      domain: "testing",
      license: "CC0-1.0",
      kind: "labelled",
      review: {
        minReviews: 2,
        approvalThreshold: 0.5,
        reviewers: "invited",
        invited: [accounts.reviewerA.address, accounts.reviewerB.address, accounts.alice.address],
      },
    }),
  );
  datanetId = created.id;
  // Registered on-chain elsewhere: drafting only needs the id.
  await db.datanet.update({ where: { id: datanetId }, data: { onchainId: BigInt(Date.now()) } });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
});

describe("review queue, my contributions, agreement, version diff and proofs", () => {
  let aliceFirst: string;
  let bobFirst: string;

  it("queues others' pending contributions with a flagged-first sample, and says who may not review", async () => {
    aliceFirst = await contribute(
      "alice",
      "text,label\nWin a free cruise now,spam\nMinutes of Tuesday's meeting,ham\nWin a free cruise now,spam\n",
    );
    bobFirst = await contribute("bob", "text,label\nLunch on Friday?,ham\nCheap pills online today,spam\n");

    const forA = await queueOf("reviewerA");
    expect(forA.eligibility).toEqual({ ok: true });
    expect(forA.items.map((i) => i.id)).toEqual([aliceFirst, bobFirst]);
    const aliceItem = forA.items[0];
    expect(aliceItem).toMatchObject({ rowCount: 3, reviews: { count: 0, approvals: 0, reviewsNeeded: 2 } });
    expect(aliceItem?.quality).toMatchObject({ totalRows: 3, counts: { duplicate_in_contribution: 1 } });
    // Flagged rows first: the repeated row (position 2) leads, then the clean rows in file order.
    expect(aliceItem?.sample.map((r) => r.position)).toEqual([2, 0, 1]);
    expect(aliceItem?.sample.map((r) => r.flags.length > 0)).toEqual([true, false, false]);
    // The repeated row points at its twin, with the twin's text.
    expect(aliceItem?.sample[0]?.twins[0]).toMatchObject({
      type: "duplicate_in_contribution",
      where: { file: "alice.csv", line: 2 },
      fields: { text: "Win a free cruise now", label: "spam" },
    });

    // Alice is invited too: her own contribution is left to others.
    const forAlice = await queueOf("alice");
    expect(forAlice.items.map((i) => i.id)).toEqual([bobFirst]);
    expect(forAlice.ownPending).toBe(1);

    const forOwner = await queueOf("owner");
    expect(forOwner.eligibility).toMatchObject({ ok: false, reason: "not_invited" });
    expect(forOwner.items).toEqual([]);
  });

  it("finds one row by id for a report's twin link, pending or not, and nothing for another Datanet's row", async () => {
    const pending = await db.datanetRow.findFirstOrThrow({
      where: { contributionId: bobFirst },
      orderBy: { position: "asc" },
    });
    const accepted = await listRows(db, datanetId, rowsQuerySchema.parse({}));
    expect(accepted.items.map((r) => r.id)).not.toContain(pending.id.toString());
    const linked = await listRows(db, datanetId, rowsQuerySchema.parse({ row: pending.id.toString(), status: "all" }));
    expect(linked.total).toBe(1);
    expect(linked.items[0]).toMatchObject({ id: pending.id.toString(), contributionStatus: "pending" });
    expect(
      (await listRows(db, "another-datanet", rowsQuerySchema.parse({ row: pending.id.toString(), status: "all" })))
        .total,
    ).toBe(0);
    expect(rowsQuerySchema.safeParse({ row: "12; drop" }).success).toBe(false);
  });

  it("asks the Staking contract about reviewers of a stakers-reviewed Datanet", async () => {
    const staked = await createDatanet(
      db,
      users.owner.userId,
      createDatanetSchema.parse({
        name: "Reviewed by stakers",
        summary: "Anyone holding the reviewer stake reviews here.",
        domain: "testing",
        license: "CC0-1.0",
        kind: "text",
        review: { minReviews: 1, approvalThreshold: 1, reviewers: "stakers" },
      }),
    );
    const asked: string[] = [];
    const queue = (stake: boolean) =>
      reviewQueue(db, {
        datanetId: staked.id,
        reviewer: users.reviewerA,
        isStaker: async (account) => {
          asked.push(account);
          return stake;
        },
      });
    expect((await queue(false)).eligibility).toMatchObject({ ok: false, reason: "not_staker" });
    expect(await queue(true)).toMatchObject({ eligibility: { ok: true }, items: [], total: 0 });
    expect(asked).toEqual([accounts.reviewerA.address, accounts.reviewerA.address]);
  });

  it("drops a contribution from a reviewer's queue once they reviewed it, and decides at quorum", async () => {
    await review("reviewerA", aliceFirst, {
      verdict: "approve",
      rowRejections: [{ position: 2, reason: "repeat of row 1" }],
    });
    const forA = await queueOf("reviewerA");
    expect(forA.items.map((i) => i.id)).toEqual([bobFirst]);
    expect(forA.reviewedPending).toBe(1);
    expect((await queueOf("reviewerB")).items[0]?.reviews).toMatchObject({ count: 1, approvals: 1, reviewsNeeded: 1 });

    const second = await review("reviewerB", aliceFirst, {
      verdict: "approve",
      reason: "good examples",
      rowRejections: [{ position: 2, reason: "duplicate" }],
    });
    expect(second.decision.status).toBe("accepted");
    await review("reviewerA", bobFirst, { verdict: "reject", reason: "labels look random" });
    const last = await review("alice", bobFirst, { verdict: "approve" });
    expect(last.decision).toMatchObject({ status: "accepted", approvals: 1, rejections: 1 });
    expect((await queueOf("reviewerB")).items).toEqual([]);
  });

  it("shows contributors their decisions and every reviewer's reasons", async () => {
    const mine = await contributionsOf(db, datanetId, users.alice.userId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: aliceFirst, status: "accepted", rowCount: 3, rejectedRows: 1 });
    expect(mine[0]?.decision).toMatchObject({ status: "accepted", approvals: 2, rejections: 0 });
    expect(mine[0]?.reviews.map((r) => [r.verdict, r.reason, r.rowRejections])).toEqual([
      ["approve", "", [{ position: 2, reason: "repeat of row 1" }]],
      ["approve", "good examples", [{ position: 2, reason: "duplicate" }]],
    ]);
    const bobs = await contributionsOf(db, datanetId, users.bob.userId);
    expect(bobs[0]?.reviews.map((r) => r.reason)).toEqual(["labels look random", ""]);
    expect(await contributionsOf(db, datanetId, users.owner.userId)).toEqual([]);
  });

  it("measures agreement over decided contributions", async () => {
    const agreement = await datanetAgreement(db, datanetId);
    expect(agreement).toMatchObject({ contributions: 2, reviews: 4 });
    expect(agreement.alpha).toBeCloseTo(
      krippendorffAlphaNominal([
        ["approve", "approve"],
        ["reject", "approve"],
      ]) as number,
      12,
    );
    expect(agreement.level).toBe("weak");
  });

  it("diffs a version against its parent and proves a contributor's rows", async () => {
    const v1 = await publish("first cut");
    const first = await versionDiff(db, datanetId, 1, { side: "added", page: 1, pageSize: 10 });
    expect(first.counts).toEqual({ added: 4, removed: 0, unchanged: 0 });
    expect(first.items.map((r) => r.fields.text)).toEqual([
      "Win a free cruise now",
      "Minutes of Tuesday's meeting",
      "Lunch on Friday?",
      "Cheap pills online today",
    ]);
    expect(first.items[0]).toMatchObject({ contributionId: aliceFirst, file: "alice.csv", line: 2 });

    const bobSecond = await contribute("bob", "text,label\nQuarterly report attached,ham\nYou won a prize,spam\n");
    await review("reviewerA", bobSecond, { verdict: "approve" });
    await review("reviewerB", bobSecond, { verdict: "approve" });
    const v2 = await publish("bob's second batch");
    const added = await versionDiff(db, datanetId, 2, { side: "added", page: 2, pageSize: 1 });
    expect(added).toMatchObject({ counts: { added: 2, removed: 0, unchanged: 4 }, total: 2, page: 2 });
    expect(added.items.map((r) => r.fields.text)).toEqual(["You won a prize"]);
    expect((await versionDiff(db, datanetId, 2, { side: "removed", page: 1, pageSize: 10 })).items).toEqual([]);

    const proofs = await contributorProofs(db, datanetId, 2, accounts.alice.address);
    expect(proofs.merkleRoot).toBe(v2.merkleRoot);
    expect(proofs.recomputedRoot).toBe(v2.merkleRoot);
    expect(proofs.proofs.map((p) => p.leafIndex)).toEqual([0, 1]);
    for (const p of proofs.proofs) {
      expect(
        verifyLeafProof(v2.merkleRoot as Hex, { contributor: accounts.alice.address, rowHash: p.rowHash }, p.proof),
      ).toBe(true);
    }
    expect((await contributorProofs(db, datanetId, 1, accounts.owner.address)).proofs).toEqual([]);
    expect(v1.merkleRoot).not.toBe(v2.merkleRoot);
    await expect(versionDiff(db, datanetId, 3, { side: "added", page: 1, pageSize: 10 })).rejects.toMatchObject({
      code: "version_not_found",
      status: 404,
    });
  });
});
