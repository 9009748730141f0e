import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Address, Hex } from "viem";

/** The app's names for the deployed contracts; the first eight are what /api/chain lists. */
export const appContractNames = [
  "OpenToken",
  "DatanetRegistry",
  "ModelRegistry",
  "InferencePayments",
  "RewardsDistributor",
  "Staking",
  "Governor",
  "Timelock",
  "TeamVesting",
  "InvestorVesting",
] as const;

export type AppContractName = (typeof appContractNames)[number];

export interface DeployedContract {
  address: Address;
  txHash: Hex;
  blockNumber: number;
}

/** What a deployment leaves behind: addresses on one chain, and what they were built from. */
export interface DeploymentRecord {
  chainId: number;
  deployer: Address;
  deployedAt: string;
  /** Hash of the bytecode and settings deployed; a change means a new deployment. */
  fingerprint: string;
  contracts: Record<AppContractName, DeployedContract>;
  allocations: Record<string, { recipient: Address; amount: string }>;
}

/**
 * Where a chain's deployment record lives: for the local chain beside its state in the data folder
 * (a fresh chain means a fresh deployment), for other chains in contracts/deployments (committed).
 */
export function deploymentRecordFile(chainId: number, env: Record<string, string | undefined>): string {
  if (chainId === 31337) return path.resolve(env.DATA_DIR ?? ".data", "deployments", `${chainId}.json`);
  return path.resolve(process.cwd(), "contracts", "deployments", `${chainId}.json`);
}

const cache = new Map<string, { stamp: string; record: DeploymentRecord }>();

/**
 * Reads a deployment record file, or undefined when there is none. Pages read it on every
 * request, so the parsed record is kept until the file changes (a new deployment).
 */
export function readDeploymentFile(file: string): DeploymentRecord | undefined {
  let stamp: string;
  try {
    const stats = statSync(file);
    stamp = `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return undefined;
  }
  const cached = cache.get(file);
  if (cached?.stamp === stamp) return cached.record;
  const record = JSON.parse(readFileSync(file, "utf8")) as DeploymentRecord;
  cache.set(file, { stamp, record });
  return record;
}

/** The recorded deployment on a chain, or undefined when nothing is deployed there yet. */
export function readDeployment(chainId: number, env: Record<string, string | undefined>): DeploymentRecord | undefined {
  return readDeploymentFile(deploymentRecordFile(chainId, env));
}
