import { createHash } from "node:crypto";
import {
  type Abi,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  toHex,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { appChain } from "@/lib/chain/chains";
import { readDeploymentFile } from "@/lib/chain/deployments";
import { type Artifact, readArtifact } from "./artifacts";
import { type DeployConfig, deployConfig } from "./config";
import { type DeployableContract, deployableContracts } from "./contracts";
import { type AppContractName, type DeployedContract, type DeploymentRecord, writeRecord } from "./record";

export const TOTAL_SUPPLY = 1_000_000_000n * 10n ** 18n;

export interface DeployOptions {
  rpcUrl: string;
  chainId: number;
  privateKey: Hex;
  recordFile: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

const role = (name: string) => keccak256(toHex(name));
const ADMIN_ROLE = `0x${"00".repeat(32)}` as Hex;

/**
 * Deploys every contract in numbered steps, or reuses the recorded deployment when it was made
 * from the same bytecode and settings and its code is still on the chain.
 */
export async function deployAll(
  options: DeployOptions,
): Promise<{ status: "up to date" | "deployed"; record: DeploymentRecord }> {
  const log = options.log ?? (() => {});
  const chain: Chain = appChain({ chainId: options.chainId, rpcUrl: options.rpcUrl });
  const account = privateKeyToAccount(options.privateKey);
  const publicClient = createPublicClient({ chain, transport: http(options.rpcUrl) });
  const wallet = createWalletClient({ account, chain, transport: http(options.rpcUrl) });

  const artifacts = Object.fromEntries(
    Object.entries(deployableContracts).map(([name, file]) => [name, readArtifact(file, name)]),
  ) as Record<DeployableContract, Artifact>;
  const config = deployConfig(options.chainId, options.env ?? process.env, account.address);
  const fingerprint = fingerprintOf(artifacts, config, account.address);

  const existing = readDeploymentFile(options.recordFile);
  if (existing?.fingerprint === fingerprint && existing.chainId === options.chainId) {
    const codes = await Promise.all(
      Object.values(existing.contracts).map((contract) => publicClient.getCode({ address: contract.address })),
    );
    if (codes.every((code) => code && code !== "0x")) return { status: "up to date", record: existing };
    log("the recorded contracts are not on this chain (a new chain?): deploying again");
  } else if (existing) {
    log("contracts or settings changed since the last deployment: deploying again");
  }

  const deployed = {} as Record<AppContractName, DeployedContract>;
  const deploy = async (appName: AppContractName, artifact: Artifact, args: readonly unknown[]) => {
    const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress)
      throw new Error(`deploying ${appName} failed (${hash})`);
    deployed[appName] = { address: receipt.contractAddress, txHash: hash, blockNumber: Number(receipt.blockNumber) };
    log(`${appName.padEnd(18)} ${receipt.contractAddress}`);
    return receipt.contractAddress;
  };
  const send = async (address: Address, abi: Abi, functionName: string, args: readonly unknown[]) => {
    const { request } = await publicClient.simulateContract({ account, address, abi, functionName, args });
    const hash = await wallet.writeContract(request);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} on ${address} failed (${hash})`);
  };

  // 00 Timelock: the governance treasury and the admin of every parameter.
  const timelock = await deploy("Timelock", artifacts.OpenTimelock, [
    BigInt(config.governance.timelockDelaySeconds),
    [],
    [zeroAddress],
    account.address,
  ]);
  // 01 Vesting wallets: nothing before the cliff, then linear.
  const latest = await publicClient.getBlock();
  const vestingStart = latest.timestamp + BigInt(config.vesting.cliffSeconds);
  const teamVesting = await deploy("TeamVesting", artifacts.OpenVestingWallet, [
    config.beneficiaries.team,
    vestingStart,
    BigInt(config.vesting.durationSeconds),
  ]);
  const investorVesting = await deploy("InvestorVesting", artifacts.OpenVestingWallet, [
    config.beneficiaries.investors,
    vestingStart,
    BigInt(config.vesting.durationSeconds),
  ]);
  // 02 OPEN: the whole supply, minted once.
  const resolve = (recipient: Address | "timelock") => (recipient === "timelock" ? timelock : recipient);
  const allocations = allocationsOf(config, {
    community: resolve(config.recipients.community),
    ecosystem: resolve(config.recipients.ecosystem),
    liquidity: resolve(config.recipients.liquidity),
    investors: investorVesting,
    team: teamVesting,
  });
  const token = await deploy("OpenToken", artifacts.OpenToken, [
    Object.values(allocations).map((allocation) => allocation.recipient),
    Object.values(allocations).map((allocation) => allocation.amount),
  ]);
  // 03 Governor
  const governor = await deploy("Governor", artifacts.OpenGovernor, [
    token,
    timelock,
    config.governance.votingDelaySeconds,
    config.governance.votingPeriodSeconds,
    config.governance.proposalThreshold,
    BigInt(config.governance.quorumPercent),
  ]);
  // 04–05 Registries
  const datanets = await deploy("DatanetRegistry", artifacts.DatanetRegistry, []);
  await deploy("ModelRegistry", artifacts.ModelRegistry, [datanets]);
  // 06–08 Money: the deployer is admin until step 09 hands over to the timelock.
  const distributor = await deploy("RewardsDistributor", artifacts.RewardsDistributor, [
    token,
    account.address,
    config.feeSplit,
  ]);
  const payments = await deploy("InferencePayments", artifacts.InferencePayments, [
    token,
    distributor,
    account.address,
  ]);
  const staking = await deploy("Staking", artifacts.Staking, [
    token,
    distributor,
    account.address,
    BigInt(config.staking.cooldownSeconds),
    config.staking.minimumReviewerStake,
  ]);
  // 09 Roles: operations to the service account, administration to the timelock.
  await send(payments, artifacts.InferencePayments.abi, "grantRole", [role("OPERATOR_ROLE"), config.serviceAccount]);
  await send(distributor, artifacts.RewardsDistributor.abi, "grantRole", [role("SETTLER_ROLE"), config.serviceAccount]);
  await send(staking, artifacts.Staking.abi, "grantRole", [role("SLASHER_ROLE"), config.serviceAccount]);
  for (const [address, abi] of [
    [payments, artifacts.InferencePayments.abi],
    [distributor, artifacts.RewardsDistributor.abi],
    [staking, artifacts.Staking.abi],
  ] as const) {
    await send(address, abi, "grantRole", [ADMIN_ROLE, timelock]);
    await send(address, abi, "renounceRole", [ADMIN_ROLE, account.address]);
  }
  await send(timelock, artifacts.OpenTimelock.abi, "grantRole", [role("PROPOSER_ROLE"), governor]);
  await send(timelock, artifacts.OpenTimelock.abi, "grantRole", [role("CANCELLER_ROLE"), governor]);
  await send(timelock, artifacts.OpenTimelock.abi, "renounceRole", [ADMIN_ROLE, account.address]);
  log("roles handed over: operations to the service account, administration to the timelock");

  const record: DeploymentRecord = {
    chainId: options.chainId,
    deployer: account.address,
    deployedAt: new Date().toISOString(),
    fingerprint,
    contracts: deployed,
    allocations: Object.fromEntries(
      Object.entries(allocations).map(([name, allocation]) => [
        name,
        { recipient: allocation.recipient, amount: allocation.amount.toString() },
      ]),
    ),
  };
  writeRecord(options.recordFile, record);
  return { status: "deployed", record };
}

/** Splits the supply by basis points; rounding dust goes to the community so the sum is exact. */
export function allocationsOf(
  config: DeployConfig,
  recipients: Record<keyof DeployConfig["allocationBps"], Address>,
): Record<string, { recipient: Address; amount: bigint }> {
  const names = Object.keys(config.allocationBps) as (keyof DeployConfig["allocationBps"])[];
  const amounts = Object.fromEntries(
    names.map((name) => [name, (TOTAL_SUPPLY * BigInt(config.allocationBps[name])) / 10_000n]),
  ) as Record<string, bigint>;
  const dust = TOTAL_SUPPLY - Object.values(amounts).reduce((sum, amount) => sum + amount, 0n);
  amounts.community = (amounts.community ?? 0n) + dust;
  return Object.fromEntries(names.map((name) => [name, { recipient: recipients[name], amount: amounts[name] ?? 0n }]));
}

function fingerprintOf(artifacts: Record<string, Artifact>, config: DeployConfig, deployer: Address): string {
  const hash = createHash("sha256");
  for (const [name, artifact] of Object.entries(artifacts)) hash.update(name).update(artifact.bytecode);
  hash.update(JSON.stringify(config, (_key, value) => (typeof value === "bigint" ? value.toString() : value)));
  return hash.update(deployer).digest("hex");
}
