import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPublicClient, createWalletClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import type { DeploymentRecord } from "@/lib/chain/deployments";
import { createDb, type Db } from "@/lib/db/client";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { createDatanet } from "./create";
import { confirmRegistration, registrationCall } from "./register";
import { createDatanetSchema } from "./schemas";

const rpcUrl = process.env.RPC_URL as string;
const chain = appChain({ chainId: 31337, rpcUrl });
const client = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
// anvil's accounts #5 and #6: the Datanet's owner and a stranger.
const ownerAccount = privateKeyToAccount("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
const stranger = privateKeyToAccount("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
let deployment: DeploymentRecord;
let db: Db;

beforeAll(async () => {
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-register-")), "31337.json");
  ({ record: deployment } = await deployAll({
    rpcUrl,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  }));
  db = createDb(process.env.DATABASE_URL as string);
}, 240_000);
afterAll(async () => {
  await db?.$disconnect();
});

async function newDatanet() {
  const owner = await db.user.upsert({
    where: { address: ownerAccount.address.toLowerCase() },
    create: { address: ownerAccount.address.toLowerCase() },
    update: {},
  });
  const datanet = await createDatanet(
    db,
    owner.id,
    createDatanetSchema.parse({
      name: "On-chain test set",
      summary: "A Datanet registered on anvil by its owner.",
      domain: "testing",
      license: "CC0-1.0",
      kind: "text",
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "stakers" },
    }),
  );
  return { owner, datanet };
}

async function sendCreate(account: typeof ownerAccount, call: ReturnType<typeof registrationCall>) {
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    address: deployment.contracts.DatanetRegistry.address,
    abi: contractAbis.DatanetRegistry,
    functionName: "createDatanet",
    args: [call.metadataHash, call.metadataURI, call.license],
  });
  await client.waitForTransactionReceipt({ hash });
  return hash;
}

describe("registering a Datanet on-chain", () => {
  it("records the id from the owner's createDatanet transaction, once", async () => {
    const { owner, datanet } = await newDatanet();
    const call = registrationCall(datanet, "http://localhost:3000");
    expect(call.metadataURI).toBe(`http://localhost:3000/api/datanets/${datanet.slug}`);
    const txHash = await sendCreate(ownerAccount, call);
    const registry = deployment.contracts.DatanetRegistry.address;
    const confirmed = await confirmRegistration(db, {
      datanetId: datanet.id,
      ownerId: owner.id,
      txHash,
      client,
      registry,
    });
    const onchainOwner = await client.readContract({
      address: registry,
      abi: contractAbis.DatanetRegistry,
      functionName: "datanetOwner",
      args: [confirmed.onchainId as bigint],
    });
    expect(onchainOwner.toLowerCase()).toBe(ownerAccount.address.toLowerCase());
    // The same transaction again is fine; another registration is refused.
    await confirmRegistration(db, { datanetId: datanet.id, ownerId: owner.id, txHash, client, registry });
    const second = await sendCreate(ownerAccount, call);
    await expect(
      confirmRegistration(db, { datanetId: datanet.id, ownerId: owner.id, txHash: second, client, registry }),
    ).rejects.toMatchObject({ code: "already_registered", status: 409 });
  });

  it("refuses a transaction from another address, for other metadata, or to another contract", async () => {
    const { owner, datanet } = await newDatanet();
    const registry = deployment.contracts.DatanetRegistry.address;
    const confirm = (txHash: string) =>
      confirmRegistration(db, { datanetId: datanet.id, ownerId: owner.id, txHash, client, registry });
    const call = registrationCall(datanet, "http://localhost:3000");
    await expect(confirm(await sendCreate(stranger, call))).rejects.toMatchObject({ code: "wrong_owner" });
    const other = await sendCreate(ownerAccount, { ...call, metadataHash: `0x${"ab".repeat(32)}` });
    await expect(confirm(other)).rejects.toMatchObject({ code: "wrong_datanet" });
    const wallet = createWalletClient({ account: ownerAccount, chain, transport: http(rpcUrl) });
    const transfer = await wallet.sendTransaction({ to: stranger.address, value: 1n });
    await expect(confirm(transfer)).rejects.toMatchObject({ code: "wrong_contract" });
    await expect(confirm("0x1234")).rejects.toMatchObject({ code: "invalid_tx_hash", status: 422 });
    expect((await db.datanet.findUniqueOrThrow({ where: { id: datanet.id } })).onchainId).toBeNull();
  });
});
