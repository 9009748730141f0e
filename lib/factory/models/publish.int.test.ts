import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import * as tf from "@tensorflow/tfjs";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
} from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import { entryData, readCentralDirectory } from "@/lib/datanets/ingest/zip";
import { createDb, type Db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/responses";
import { createLoraAdapter, disposeAdapter, exportPeftAdapter, initBackend } from "@/lib/ml";
import { ModelCache } from "@/lib/serving/model-cache";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { baseModelId } from "../publish/adapter-files";
import { confirmModel } from "./confirm";
import { prepareModel } from "./prepare";
import { getModel, listModels, modelAdapterZip } from "./read";
import type { ModelRegistryTarget } from "./registry";

const BASE = "mf-prose-byte";
const rpcUrl = process.env.RPC_URL as string;
const chain = appChain({ chainId: 31337, rpcUrl });
const client = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
// anvil accounts #5 (Datanet owner), #6 (model owner), #7 (stranger).
const curator = privateKeyToAccount("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
const owner = privateKeyToAccount("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
const stranger = privateKeyToAccount("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
const tag = Date.now().toString(36);
let db: Db;
let dataDir: string;
let cache: ModelCache;
let models: ModelRegistryTarget;
let datanets: Address;
let ownerId: string;
let strangerId: string;
let curatorId: string;
let onchainVersionId: string;
let offchainVersionId: string;
let datanetSlug: string;
let seed = 1;

async function user(account: PrivateKeyAccount) {
  const address = account.address.toLowerCase();
  return (await db.user.upsert({ where: { address }, create: { address }, update: {} })).id;
}

function wallet(account: PrivateKeyAccount) {
  return createWalletClient({ account, chain, transport: http(rpcUrl) });
}

async function mined(hash: Hex) {
  await client.waitForTransactionReceipt({ hash });
  return hash;
}

/** A Datanet row with one confirmed version; on-chain too when `onchain`. */
async function datanetWithVersion(onchain: boolean) {
  const slug = `models-it-${onchain ? "on" : "off"}-${tag}`;
  const merkleRoot = keccak256(new TextEncoder().encode(slug));
  let onchainId: bigint | null = null;
  let txHash: string | null = null;
  if (onchain) {
    const writer = wallet(curator);
    const created = await mined(
      await writer.writeContract({
        address: datanets,
        abi: contractAbis.DatanetRegistry,
        functionName: "createDatanet",
        args: [keccak256(new TextEncoder().encode(`meta-${slug}`)), `http://localhost/datanets/${slug}`, "CC-BY-4.0"],
      }),
    );
    const receipt = await client.getTransactionReceipt({ hash: created });
    onchainId = BigInt(receipt.logs[0]?.topics[1] as Hex);
    txHash = await mined(
      await writer.writeContract({
        address: datanets,
        abi: contractAbis.DatanetRegistry,
        functionName: "addVersion",
        args: [onchainId, merkleRoot, 3n, 1, 0, keccak256(new TextEncoder().encode(`v1-${slug}`))],
      }),
    );
  }
  const datanet = await db.datanet.create({
    data: {
      slug,
      name: onchain ? "Registered prose" : "Unregistered prose",
      summary: "test",
      description: "test",
      tags: [],
      domain: "testing",
      license: "CC-BY-4.0",
      kind: "text",
      minReviews: 1,
      approvalThreshold: 0.5,
      reviewerPolicy: "stakers",
      ownerId: curatorId,
      onchainId,
      onchainRegistry: onchain ? datanets.toLowerCase() : null,
      versions: {
        create: {
          number: 1,
          merkleRoot,
          rowCount: 3,
          contributorCount: 1,
          changelog: "",
          metadataHash: `0x${"11".repeat(32)}`,
          status: "confirmed",
          txHash,
        },
      },
    },
    include: { versions: true },
  });
  return { slug, versionId: datanet.versions[0]?.id as string };
}

/** A training run row; a succeeded one gets a fresh PEFT adapter under DATA_DIR/runs/<id>/adapter. */
async function run(input: { status: "queued" | "succeeded"; versionId: string; ownerId?: string }) {
  const created = await db.trainingRun.create({
    data: {
      ownerId: input.ownerId ?? ownerId,
      name: `Publish test ${seed}`,
      status: input.status,
      config: { method: { rank: 4, alpha: 64, learningRate: 0.001 } },
      baseModel: BASE,
      task: "causal_lm",
      totalSteps: 10,
      evaluation: { task: "causal_lm", heldOutExamples: 2, base: { loss: 3 }, tuned: { loss: 2 }, samples: [] },
      versions: { create: { versionId: input.versionId, position: 0 } },
    },
  });
  if (input.status !== "succeeded") return created.id;
  const base = await cache.base(BASE);
  const adapter = createLoraAdapter(
    base.config,
    { rank: 4, alpha: 64, dropout: 0, targetModules: ["q", "v"] },
    { seed: seed++ },
  );
  for (const [name, variable] of adapter.params) {
    if (name.endsWith(".lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.5, "float32", seed));
  }
  const folder = path.join(dataDir, "runs", created.id, "adapter");
  await exportPeftAdapter(folder, adapter, { baseModelNameOrPath: BASE, config: base.config });
  disposeAdapter(adapter);
  await db.trainingRun.update({ where: { id: created.id }, data: { adapterPath: folder } });
  return created.id;
}

async function refused(attempt: () => Promise<unknown>) {
  try {
    await attempt();
  } catch (error) {
    const response = errorResponse(error);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, code: body.error.code, message: body.error.message };
  }
  throw new Error("expected a refusal");
}

const prepare = (userId: string, runId: string, pricePer1k = "0.25") =>
  prepareModel(db, userId, runId, { pricePer1k, registry: models, appUrl: "http://localhost:3000" });

type Call = Awaited<ReturnType<typeof prepare>>["call"];
function sendPublish(account: PrivateKeyAccount, call: Call, override: Partial<Call> = {}, gas?: bigint) {
  const c = { ...call, ...override };
  return wallet(account).writeContract({
    address: models.address,
    abi: contractAbis.ModelRegistry,
    functionName: "publishModel",
    args: [
      c.baseModelId,
      c.adapterHash,
      c.lineage.map((ref) => ({ datanetId: BigInt(ref.datanetId), version: ref.version })),
      BigInt(c.pricePer1kTokens),
      c.metadataURI,
    ],
    ...(gas ? { gas } : {}),
  });
}

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-models-")), "31337.json");
  const { record } = await deployAll({
    rpcUrl,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  });
  models = { chainId: 31337, address: record.contracts.ModelRegistry.address };
  datanets = record.contracts.DatanetRegistry.address;
  db = createDb(process.env.DATABASE_URL as string);
  dataDir = mkdtempSync(path.join(tmpdir(), "mf-models-data-"));
  cache = new ModelCache({ adapterRoot: path.join(dataDir, "runs") });
  ownerId = await user(owner);
  strangerId = await user(stranger);
  curatorId = await user(curator);
  const on = await datanetWithVersion(true);
  onchainVersionId = on.versionId;
  datanetSlug = on.slug;
  offchainVersionId = (await datanetWithVersion(false)).versionId;
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("publishing a trained adapter", () => {
  it("prepares, publishes from the owner's wallet, confirms, and the registry holds the adapter's hash", async () => {
    const runId = await run({ status: "succeeded", versionId: onchainVersionId });
    expect(await refused(() => prepare(ownerId, runId, "1e3"))).toMatchObject({ status: 422 });
    const prepared = await prepare(ownerId, runId);
    expect(prepared.call).toMatchObject({
      baseModelId: baseModelId(BASE),
      pricePer1kTokens: "250000000000000000",
      metadataURI: `http://localhost:3000/api/models/${prepared.model.id}`,
    });
    expect(JSON.parse(JSON.stringify(prepared))).toEqual(prepared);
    const draft = await getModel(db, ownerId, prepared.model.id);
    expect(draft.status).toBe("draft");
    expect(draft.card.lineage).toEqual([
      expect.objectContaining({ datanetSlug, version: 1, onchainDatanetId: prepared.call.lineage[0]?.datanetId }),
    ]);
    expect(draft.card.hyperparameters).toMatchObject({ rank: 4 });
    expect(draft.card.metrics).toMatchObject({ tuned: { loss: 2 } });
    expect(draft.card.adapter).toMatchObject({ sha256: prepared.call.adapterHash, format: "peft-lora" });
    // A draft is the owner's alone.
    expect(await refused(() => getModel(db, strangerId, prepared.model.id))).toMatchObject({ status: 404 });
    expect(await refused(() => modelAdapterZip(db, strangerId, prepared.model.id))).toMatchObject({ status: 404 });
    expect((await listModels(db, strangerId)).map((m) => m.id)).not.toContain(prepared.model.id);
    expect((await listModels(db, ownerId, { mine: true })).map((m) => m.id)).toContain(prepared.model.id);

    const hash = await mined(await sendPublish(owner, prepared.call));
    const recorded = await confirmModel(db, ownerId, prepared.model.id, hash, { client, registry: models.address });
    expect(recorded).toMatchObject({ status: "published", txHash: hash.toLowerCase() });
    expect(recorded.onchainId).not.toBeNull();
    // Confirming the same tx again is harmless.
    await confirmModel(db, ownerId, prepared.model.id, hash, { client, registry: models.address });

    const onchainId = recorded.onchainId as bigint;
    const registry = { address: models.address, abi: contractAbis.ModelRegistry } as const;
    const stored = await client.readContract({ ...registry, functionName: "getModel", args: [onchainId] });
    expect(stored).toMatchObject({
      owner: owner.address,
      adapterHash: prepared.call.adapterHash,
      baseModelId: baseModelId(BASE),
      pricePer1kTokens: 250_000_000_000_000_000n,
    });
    expect(
      await client.readContract({ ...registry, functionName: "modelIdByAdapter", args: [prepared.call.adapterHash] }),
    ).toBe(onchainId);

    // Published: anyone sees it, filters find it, and the download's weights hash to the registered hash.
    const seen = await getModel(db, strangerId, prepared.model.id);
    expect(seen).toMatchObject({ status: "published", onchainId: onchainId.toString(), mine: false, runId: null });
    expect((await listModels(db, undefined, { datanet: datanetSlug })).map((m) => m.id)).toContain(prepared.model.id);
    expect((await listModels(db, undefined, { baseModel: "mf-code-byte" })).map((m) => m.id)).not.toContain(
      prepared.model.id,
    );
    const download = await modelAdapterZip(db, undefined, prepared.model.id);
    expect(download.adapterHash).toBe(prepared.call.adapterHash);
    const entries = readCentralDirectory(download.zip);
    expect(entries.map((e) => e.name)).toEqual(["adapter_config.json", "adapter_model.safetensors"]);
    const weightsEntry = entries[1] as (typeof entries)[number];
    const raw = entryData(download.zip, weightsEntry);
    const weights = weightsEntry.method === 8 ? inflateRawSync(raw) : raw;
    expect(`0x${createHash("sha256").update(weights).digest("hex")}`).toBe(prepared.call.adapterHash);
    expect((await refused(() => prepare(ownerId, runId))).code).toBe("already_published");
  });

  it("explains an adapter identical to one already published: same config, seed and data; try another seed", async () => {
    const first = await run({ status: "succeeded", versionId: onchainVersionId });
    await prepare(ownerId, first);
    // A second run that trained byte-identical weights (training is deterministic).
    const second = await run({ status: "queued", versionId: onchainVersionId });
    const folder = path.join(dataDir, "runs", second, "adapter");
    cpSync(path.join(dataDir, "runs", first, "adapter"), folder, { recursive: true });
    await db.trainingRun.update({ where: { id: second }, data: { status: "succeeded", adapterPath: folder } });
    const refusal = await refused(() => prepare(ownerId, second));
    expect(refusal).toMatchObject({ status: 409, code: "adapter_taken" });
    expect(refusal.message).toContain(`Publish test`);
    expect(refusal.message).toMatch(/another seed/);
    expect(await db.publishedModel.count({ where: { runId: second } })).toBe(0);
  });

  it("refuses strangers, unfinished runs and unregistered Datanets clearly", async () => {
    const runId = await run({ status: "succeeded", versionId: onchainVersionId });
    expect(await refused(() => prepare(strangerId, runId))).toMatchObject({
      status: 404,
      code: "training_run_not_found",
    });
    const queued = await run({ status: "queued", versionId: onchainVersionId });
    expect(await refused(() => prepare(ownerId, queued))).toMatchObject({ status: 409, code: "run_not_succeeded" });
    const offchain = await run({ status: "succeeded", versionId: offchainVersionId });
    const refusal = await refused(() => prepare(ownerId, offchain));
    expect(refusal).toMatchObject({ status: 409, code: "datanet_not_registered" });
    expect(refusal.message).toContain("Unregistered prose");
    expect(await db.publishedModel.count({ where: { runId: { in: [runId, queued, offchain] } } })).toBe(0);
  });

  it("records nothing for a failed tx, a tx that is not publishModel, or someone else's tx", async () => {
    const runId = await run({ status: "succeeded", versionId: onchainVersionId });
    const { model, call } = await prepare(ownerId, runId);
    const confirm = (txHash: string, userId = ownerId) =>
      refused(() => confirmModel(db, userId, model.id, txHash, { client, registry: models.address }));

    // Reverted on-chain (EmptyAdapterHash), sent with a fixed gas limit so it is mined.
    const failed = await mined(await sendPublish(owner, call, { adapterHash: `0x${"0".repeat(64)}` }, 500_000n));
    expect(await confirm(failed)).toMatchObject({ status: 409, code: "tx_reverted" });
    // A DatanetRegistry transaction.
    const other = await mined(
      await wallet(owner).writeContract({
        address: datanets,
        abi: contractAbis.DatanetRegistry,
        functionName: "createDatanet",
        args: [`0x${"22".repeat(32)}`, "http://localhost/other", "CC0-1.0"],
      }),
    );
    expect(await confirm(other)).toMatchObject({ status: 409, code: "wrong_contract" });
    // Someone else's publishModel (their own adapter).
    const theirs = await mined(await sendPublish(stranger, call, { adapterHash: `0x${"33".repeat(32)}` }));
    const mismatch = await confirm(theirs);
    expect(mismatch).toMatchObject({ status: 409, code: "model_mismatch" });
    expect(mismatch.message).toMatch(/adapterHash.*owner/);
    // Not a hash at all; a stranger confirming the owner's draft.
    expect(await confirm("0x1234")).toMatchObject({ status: 422, code: "invalid_tx_hash" });
    expect(await confirm(theirs, strangerId)).toMatchObject({ status: 404, code: "model_not_found" });

    expect(await db.publishedModel.findUniqueOrThrow({ where: { id: model.id } })).toMatchObject({
      status: "draft",
      txHash: null,
      onchainId: null,
      publishedAt: null,
    });
    // The owner can still publish it for real afterwards.
    const hash = await mined(await sendPublish(owner, call));
    expect((await confirmModel(db, ownerId, model.id, hash, { client, registry: models.address })).status).toBe(
      "published",
    );
  });
});
