import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Address, createPublicClient, createWalletClient, type Hex, http, type PublicClient } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import type { DeploymentRecord } from "@/lib/chain/deployments";
import { createDb, type Db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/responses";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { prepareContribution } from "../contributions/prepare";
import { datanetSigningId } from "../contributions/signing-id";
import { submitContribution } from "../contributions/submit";
import { contributionTarget } from "../contributions/target";
import { createDatanet } from "../create";
import { getDatanet } from "../get";
import { utf8 } from "../ingest/testing/fixtures";
import { confirmRegistration, registrationCall } from "../register";
import { reviewSchema } from "../reviews/schemas";
import { submitReview } from "../reviews/submit-review";
import { createDatanetSchema } from "../schemas";
import { buildVersionTree, contributionTypedData } from "../versions";
import { confirmVersion } from "./confirm";
import { draftVersion } from "./draft";

const rpcUrl = process.env.RPC_URL as string;
const chain = appChain({ chainId: 31337, rpcUrl });
const client = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
// anvil accounts #2 (owner), #3 (contributor), #4 and #9 (invited reviewers).
const owner = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
const contributor = privateKeyToAccount("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
const reviewerA = privateKeyToAccount("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
const reviewerB = privateKeyToAccount("0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");
let db: Db;
let deployment: DeploymentRecord;
let registry: Address;
const ids: Record<string, { userId: string; address: Address }> = {};

async function user(account: PrivateKeyAccount) {
  const address = account.address.toLowerCase() as Address;
  const row = await db.user.upsert({ where: { address }, create: { address }, update: {} });
  ids[account.address] = { userId: row.id, address: account.address };
  return ids[account.address] as { userId: string; address: Address };
}

async function send(
  account: PrivateKeyAccount,
  functionName: "createDatanet" | "addVersion",
  args: readonly unknown[],
) {
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    address: registry,
    abi: contractAbis.DatanetRegistry,
    functionName,
    args: args as never,
  });
  await client.waitForTransactionReceipt({ hash });
  return hash;
}

async function expectRejected(attempt: () => Promise<unknown>, status: number, code: string) {
  const failure = await attempt().then(
    () => undefined,
    (error: unknown) => error,
  );
  const response = errorResponse(failure);
  const body = (await response.json()) as { error: { code: string } };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
}

beforeAll(async () => {
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-publish-")), "31337.json");
  ({ record: deployment } = await deployAll({
    rpcUrl,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  }));
  registry = deployment.contracts.DatanetRegistry.address;
  db = createDb(process.env.DATABASE_URL as string);
  for (const account of [owner, contributor, reviewerA, reviewerB]) await user(account);
}, 240_000);
afterAll(async () => {
  await db?.$disconnect();
});

describe("from contribution to an on-chain version", () => {
  it("contributes, reviews to quorum, publishes, and the chain holds the app's root", async () => {
    const me = ids[owner.address] as { userId: string; address: Address };
    const created = await createDatanet(
      db,
      me.userId,
      createDatanetSchema.parse({
        name: "Publishing flow",
        summary: "A Datanet that goes all the way to an on-chain version.",
        domain: "testing",
        license: "CC-BY-4.0",
        kind: "labelled",
        review: {
          minReviews: 2,
          approvalThreshold: 0.5,
          reviewers: "invited",
          invited: [reviewerA.address, reviewerB.address],
        },
      }),
    );
    // Nothing accepted, not registered yet.
    await expectRejected(
      () => draftVersion(db, { datanetId: created.id, ownerId: me.userId, changelog: "" }),
      409,
      "not_registered",
    );
    const registration = await send(
      owner,
      "createDatanet",
      Object.values(registrationCall(created, "http://localhost:3000")),
    );
    await confirmRegistration(db, {
      datanetId: created.id,
      ownerId: me.userId,
      txHash: registration,
      client,
      registry,
    });
    await expectRejected(
      () => draftVersion(db, { datanetId: created.id, ownerId: me.userId, changelog: "" }),
      422,
      "nothing_accepted",
    );

    // The contributor signs and submits three labelled rows.
    const author = ids[contributor.address] as { userId: string; address: Address };
    const target = await contributionTarget(db, created.id, author);
    const input = {
      files: [
        {
          name: "mail.csv",
          bytes: utf8(
            "text,label\nWin a free cruise now,spam\nMinutes of Tuesday's meeting,ham\nCheap pills online,spam\n",
          ),
        },
      ],
    };
    const prepared = await prepareContribution(db, target, input);
    const deadline = Math.floor(Date.now() / 1000) + 600;
    const domain = { chainId: 31337, verifyingContract: registry };
    const signature = await contributor.signTypedData(
      contributionTypedData(domain, {
        datanetId: datanetSigningId(created.id),
        contentRoot: prepared.contentRoot,
        rowCount: BigInt(prepared.rowCount),
        license: "CC-BY-4.0",
        nonce: 1n,
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
        license: "CC-BY-4.0",
        nonce: "1",
        deadline,
        signature,
        ...domain,
      },
      domain,
    });

    const review = (who: PrivateKeyAccount, body: unknown) =>
      submitReview(db, {
        contributionId: contribution.id,
        reviewer: ids[who.address] as { userId: string; address: Address },
        review: reviewSchema.parse(body),
        isStaker: async () => false,
      });
    // Nobody reviews their own; strangers are not invited; a rejection needs a reason.
    await expectRejected(() => review(contributor, { verdict: "approve" }), 403, "own_contribution");
    await expectRejected(() => review(owner, { verdict: "approve" }), 403, "not_invited");
    expect(() => reviewSchema.parse({ verdict: "reject" })).toThrow(/reason/);
    const first = await review(reviewerA, {
      verdict: "approve",
      rowRejections: [{ position: 2, reason: "duplicate spam" }],
    });
    expect(first.decision).toMatchObject({ status: "pending", reviewsNeeded: 1 });
    await expectRejected(() => review(reviewerA, { verdict: "approve" }), 409, "already_reviewed");
    const second = await review(reviewerB, {
      verdict: "approve",
      rowRejections: [{ position: 2, reason: "same as row 0" }],
    });
    expect(second.decision.status).toBe("accepted");
    expect(second.excludedRows).toBe(1);
    await expectRejected(() => review(reviewerB, { verdict: "reject", reason: "too late" }), 409, "already_decided");

    // The owner publishes version 1 from the two accepted rows and sends it on-chain.
    expect((await getDatanet(db, created.id, me.userId)).stats.unpublishedChanges).toBe(2);
    const { version, call } = await draftVersion(db, {
      datanetId: created.id,
      ownerId: me.userId,
      changelog: "First cut",
    });
    expect(call).toMatchObject({ rowCount: 2, contributorCount: 1, parentVersion: 0 });
    const txHash = await send(owner, "addVersion", [
      BigInt(call.datanetId),
      call.merkleRoot,
      BigInt(call.rowCount),
      call.contributorCount,
      call.parentVersion,
      call.metadataHash,
    ]);
    const confirmed = await confirmVersion(db, {
      datanetId: created.id,
      ownerId: me.userId,
      versionId: version.id,
      txHash,
      client,
      registry,
    });
    expect(confirmed.status).toBe("confirmed");
    expect((await getDatanet(db, created.id, me.userId)).stats.unpublishedChanges).toBe(0);
    const onchain = await client.readContract({
      address: registry,
      abi: contractAbis.DatanetRegistry,
      functionName: "getVersion",
      args: [BigInt(call.datanetId), 1],
    });
    expect(onchain.merkleRoot).toBe(version.merkleRoot);
    expect(onchain.rowCount).toBe(2n);

    // A contributor's row proves its membership on-chain.
    const rows = await db.datanetRow.findMany({
      where: { contributionId: contribution.id, rejected: false },
      orderBy: { id: "asc" },
    });
    const leaves = rows.map((r) => ({ contributor: contributor.address, rowHash: r.rowHash as Hex }));
    const proof = buildVersionTree(leaves).proof(0);
    const verified = await client.readContract({
      address: registry,
      abi: contractAbis.DatanetRegistry,
      functionName: "verifyContribution",
      args: [BigInt(call.datanetId), 1, contributor.address, rows[0]?.rowHash as Hex, proof],
    });
    expect(verified).toBe(true);
    await expectRejected(
      () => draftVersion(db, { datanetId: created.id, ownerId: me.userId, changelog: "again" }),
      409,
      "no_changes",
    );
  });
});
