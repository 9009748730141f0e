import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPublicClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import type { DeploymentRecord } from "@/lib/chain/deployments";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations/runner";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { createDatabaseIfMissing, dropDatabase } from "@/scripts/lib/embedded-postgres";
import { DEMO_CAST_KEYS } from "./cast";
import { seedDemoDatanets } from "./seed";

const rpcUrl = process.env.RPC_URL as string;
const client = createPublicClient({
  chain: appChain({ chainId: 31337, rpcUrl }),
  transport: http(rpcUrl),
}) as PublicClient;
// Seeding only runs on an empty database: this test gets one of its own.
const database = `mf_demo_${process.pid}`;
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL as string;
let db: Db;
let deployment: DeploymentRecord;

beforeAll(async () => {
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-demo-")), "31337.json");
  ({ record: deployment } = await deployAll({
    rpcUrl,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  }));
  await createDatabaseIfMissing(adminUrl, database);
  const url = adminUrl.replace(/\/postgres(\?|$)/, `/${database}$1`);
  await applyMigrations(url);
  db = createDb(url);
}, 240_000);
afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(adminUrl, database);
});

describe("demo Datanets", () => {
  it("are created on an empty database with accepted rows and version 1 on-chain, once", async () => {
    const cast = {
      owner: privateKeyToAccount(DEMO_CAST_KEYS.owner),
      contributors: DEMO_CAST_KEYS.contributors.map((key) => privateKeyToAccount(key)),
      reviewer: privateKeyToAccount(DEMO_CAST_KEYS.reviewer),
    };
    const chain = {
      client,
      rpcUrl,
      chainId: 31337,
      registry: deployment.contracts.DatanetRegistry.address,
      appUrl: "http://localhost:3000",
    };
    const created = await seedDemoDatanets(db, cast, chain);
    expect(created).toHaveLength(3);
    const datanets = await db.datanet.findMany({ include: { versions: true }, orderBy: { createdAt: "asc" } });
    expect(datanets.map((d) => [d.kind, d.demo])).toEqual([
      ["labelled", true],
      ["text", true],
      ["instruction", true],
    ]);
    for (const d of datanets) {
      const [version] = d.versions;
      expect(version?.status).toBe("confirmed");
      const onchain = await client.readContract({
        address: chain.registry,
        abi: contractAbis.DatanetRegistry,
        functionName: "getVersion",
        args: [d.onchainId as bigint, 1],
      });
      expect(onchain.merkleRoot).toBe(version?.merkleRoot);
      expect(Number(onchain.rowCount)).toBe(version?.rowCount);
      expect(version?.rowCount).toBeGreaterThan(100);
    }
    expect(await db.contribution.count({ where: { status: "accepted" } })).toBe(6);
    expect(await seedDemoDatanets(db, cast, chain)).toEqual([]);
  }, 300_000);
});
