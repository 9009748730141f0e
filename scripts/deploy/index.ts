/**
 * Builds the contracts and deploys them to RPC_URL (chain CHAIN_ID) unless the recorded deployment
 * is current. Run by `npm start`; also `npm run contracts:deploy`. On the local chain it deploys
 * with anvil's first development account; elsewhere DEPLOYER_PRIVATE_KEY is required.
 */
import path from "node:path";
import type { Hex } from "viem";
import { deploymentRecordFile } from "@/lib/chain/deployments";
import { buildContracts, generateAbis } from "../contracts/build";
import { anvilAccounts } from "./config";
import { deployAll } from "./deploy";

const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";
const chainId = Number(process.env.CHAIN_ID ?? 31337);
const privateKey = (process.env.DEPLOYER_PRIVATE_KEY ?? (chainId === 31337 ? anvilAccounts.deployer.key : undefined)) as
  | Hex
  | undefined;
if (!privateKey) {
  process.stderr.write(`DEPLOYER_PRIVATE_KEY must be set to deploy on chain ${chainId}.\n`);
  process.exit(1);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
await buildContracts(log);
if (generateAbis()) log("ABIs changed: lib/chain/abis.generated.ts rewritten (commit it)");
const recordFile = deploymentRecordFile(chainId, process.env);
const { status, record } = await deployAll({ rpcUrl, chainId, privateKey, recordFile, log });
log(
  `${status === "up to date" ? "deployment up to date" : "deployed"}: ${Object.keys(record.contracts).length} contracts on chain ${chainId} (${path.relative(process.cwd(), recordFile)})`,
);
