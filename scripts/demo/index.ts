/**
 * Demo data for a newcomer: on the local chain and an empty database, creates the demo Datanets
 * (lib/datanets/demo) with accepted contributions and version 1 on-chain. Run by `npm start` after the
 * contracts are deployed; DEMO_DATA=off skips it. Prints one summary line last.
 */
import { createPublicClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { appChain } from "../../lib/chain/chains";
import { readDeployment } from "../../lib/chain/deployments";
import { DEMO_CAST_KEYS } from "../../lib/datanets/demo/cast";
import { seedDemoDatanets } from "../../lib/datanets/demo/seed";
import { createDb } from "../../lib/db/client";

async function main(): Promise<string> {
  const chainId = Number(process.env.CHAIN_ID);
  if (process.env.DEMO_DATA === "off") return "skipped (DEMO_DATA=off)";
  // The demo's accounts are anvil's published development keys: they only belong on the local chain.
  if (chainId !== 31337) return `skipped (chain ${chainId} is not the local chain)`;
  const deployment = readDeployment(chainId, process.env);
  if (!deployment) return "skipped (no contracts deployed)";
  const rpcUrl = process.env.RPC_URL as string;
  const client = createPublicClient({ chain: appChain({ chainId, rpcUrl }), transport: http(rpcUrl) }) as PublicClient;
  const db = createDb(process.env.DATABASE_URL as string);
  try {
    const created = await seedDemoDatanets(
      db,
      {
        owner: privateKeyToAccount(DEMO_CAST_KEYS.owner),
        contributors: DEMO_CAST_KEYS.contributors.map((key) => privateKeyToAccount(key)),
        reviewer: privateKeyToAccount(DEMO_CAST_KEYS.reviewer),
      },
      {
        client,
        rpcUrl,
        chainId,
        registry: deployment.contracts.DatanetRegistry.address,
        appUrl: `http://localhost:${process.env.PORT ?? 3000}`,
      },
    );
    for (const line of created) console.log(`created ${line}`);
    return created.length > 0 ? `${created.length} demo Datanets created` : "the database already has Datanets";
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (summary) => console.log(summary),
  (error: unknown) => {
    console.error(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
