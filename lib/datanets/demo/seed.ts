import { type Address, createWalletClient, type Hex, http, type PublicClient } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import type { Db } from "@/lib/db/client";
import { prepareContribution } from "../contributions/prepare";
import { datanetSigningId } from "../contributions/signing-id";
import { submitContribution } from "../contributions/submit";
import { contributionTarget } from "../contributions/target";
import { createDatanet } from "../create";
import { confirmVersion } from "../publishing/confirm";
import { draftVersion } from "../publishing/draft";
import { confirmRegistration, registrationCall } from "../register";
import { submitReview } from "../reviews/submit-review";
import { createDatanetSchema } from "../schemas";
import { contributionTypedData } from "../versions/signature";
import { type DemoDatanet, demoDatanets } from "./sources";

/** Who acts in the demo: the owner of every demo Datanet, its contributors and its invited reviewer. */
export interface DemoCast {
  owner: PrivateKeyAccount;
  contributors: readonly PrivateKeyAccount[];
  reviewer: PrivateKeyAccount;
}

/** The chain the demo registers and publishes on. */
export interface DemoChain {
  client: PublicClient;
  rpcUrl: string;
  chainId: number;
  registry: Address;
  /** The app's public URL, for the Datanets' metadata URIs. */
  appUrl: string;
}

async function userFor(db: Db, account: PrivateKeyAccount) {
  const address = account.address.toLowerCase();
  const user = await db.user.upsert({ where: { address }, create: { address }, update: {} });
  return { userId: user.id, address: account.address };
}

/** Sends a DatanetRegistry transaction from `account` and waits until it is mined. */
async function sendToRegistry(
  chain: DemoChain,
  account: PrivateKeyAccount,
  functionName: "createDatanet" | "addVersion",
  args: readonly unknown[],
): Promise<Hex> {
  const wallet = createWalletClient({
    account,
    chain: appChain({ chainId: chain.chainId, rpcUrl: chain.rpcUrl }),
    transport: http(chain.rpcUrl),
  });
  const hash = await wallet.writeContract({
    address: chain.registry,
    abi: contractAbis.DatanetRegistry,
    functionName,
    args: args as never,
  });
  await chain.client.waitForTransactionReceipt({ hash });
  return hash;
}

/**
 * Creates one demo Datanet the way people would: the owner creates and registers it, contributors
 * sign and submit their halves of the rows, the invited reviewer approves, the owner publishes
 * version 1 on-chain. Every step goes through the product's own services and real signatures.
 */
async function seedOne(db: Db, demo: DemoDatanet, cast: DemoCast, chain: DemoChain): Promise<string> {
  const owner = await userFor(db, cast.owner);
  const reviewer = await userFor(db, cast.reviewer);
  const input = createDatanetSchema.parse({
    ...demo.input,
    review: { ...demo.input.review, invited: [cast.reviewer.address] },
  });
  const created = await createDatanet(db, owner.userId, input);
  await db.datanet.update({ where: { id: created.id }, data: { demo: true } });
  const registration = registrationCall(created, chain.appUrl);
  const registerTx = await sendToRegistry(chain, cast.owner, "createDatanet", [
    registration.metadataHash,
    registration.metadataURI,
    registration.license,
  ]);
  await confirmRegistration(db, {
    datanetId: created.id,
    ownerId: owner.userId,
    txHash: registerTx,
    client: chain.client,
    registry: chain.registry,
  });

  const domain = { chainId: chain.chainId, verifyingContract: chain.registry };
  const share = Math.ceil(demo.rows.length / cast.contributors.length);
  for (const [index, account] of cast.contributors.entries()) {
    const rows = demo.rows.slice(index * share, (index + 1) * share);
    if (rows.length === 0) continue;
    const contributor = await userFor(db, account);
    const target = await contributionTarget(db, created.id, contributor);
    const file = {
      name: `${created.slug}-${index + 1}.jsonl`,
      bytes: new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join("\n")),
    };
    const contribution = { files: [file] };
    const prepared = await prepareContribution(db, target, contribution, { viewerId: contributor.userId });
    const deadline = Math.floor(Date.now() / 1000) + 3_600;
    const nonce = BigInt(Date.now()) * 1_000n + BigInt(index);
    const signature = await account.signTypedData(
      contributionTypedData(domain, {
        datanetId: datanetSigningId(created.id),
        contentRoot: prepared.contentRoot,
        rowCount: BigInt(prepared.rowCount),
        license: created.license,
        nonce,
        deadline: BigInt(deadline),
      }),
    );
    const { contribution: stored } = await submitContribution(db, {
      datanet: target,
      contributor,
      contribution,
      signed: {
        contentRoot: prepared.contentRoot,
        rowCount: prepared.rowCount,
        license: created.license,
        nonce: nonce.toString(),
        deadline,
        signature,
        ...domain,
      },
      domain,
    });
    await submitReview(db, {
      contributionId: stored.id,
      reviewer,
      review: { verdict: "approve", reason: "Checked a sample against the source: faithful.", rowRejections: [] },
      isStaker: async () => false,
    });
  }

  const { version, call } = await draftVersion(db, {
    datanetId: created.id,
    ownerId: owner.userId,
    changelog: "First version: the demo contributions, approved.",
  });
  const versionTx = await sendToRegistry(chain, cast.owner, "addVersion", [
    BigInt(call.datanetId),
    call.merkleRoot,
    BigInt(call.rowCount),
    call.contributorCount,
    call.parentVersion,
    call.metadataHash,
  ]);
  await confirmVersion(db, {
    datanetId: created.id,
    ownerId: owner.userId,
    versionId: version.id,
    txHash: versionTx,
    client: chain.client,
    registry: chain.registry,
  });
  return `${created.name} (${call.rowCount} rows, version 1 on-chain)`;
}

/**
 * On an empty database, creates the demo Datanets (SpamAssassin spam/ham, Moby-Dick passages, CWE
 * weaknesses Q&A) with accepted contributions and version 1 published on-chain. Returns what it
 * created; does nothing (an empty list) when any Datanet exists.
 */
export async function seedDemoDatanets(db: Db, cast: DemoCast, chain: DemoChain): Promise<string[]> {
  if ((await db.datanet.count()) > 0) return [];
  const created: string[] = [];
  for (const demo of await demoDatanets()) {
    if (demo.rows.length === 0) continue;
    created.push(await seedOne(db, demo, cast, chain));
  }
  return created;
}
