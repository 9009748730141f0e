import { type Address, getAddress, isAddress, parseEther } from "viem";

/** Anvil's well-known development keys: public knowledge, valid only on the local chain. */
export const anvilAccounts = {
  deployer: {
    address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    key: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  },
  investorsBeneficiary: "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
  teamBeneficiary: "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
} as const;

export interface DeployConfig {
  /** Basis points of the 1,000,000,000 OPEN supply; they must sum to 10,000. */
  allocationBps: { community: number; ecosystem: number; liquidity: number; investors: number; team: number };
  /** Who holds each non-vested allocation; "timelock" means the governance treasury. */
  recipients: { community: Address | "timelock"; ecosystem: Address | "timelock"; liquidity: Address | "timelock" };
  beneficiaries: { investors: Address; team: Address };
  vesting: { cliffSeconds: number; durationSeconds: number };
  governance: {
    votingDelaySeconds: number;
    votingPeriodSeconds: number;
    proposalThreshold: bigint;
    quorumPercent: number;
    timelockDelaySeconds: number;
  };
  staking: { cooldownSeconds: number; minimumReviewerStake: bigint };
  feeSplit: { modelOwnerBps: number; contributorsBps: number; stakersBps: number; protocolBps: number };
  /** The backend's account: charges usage, posts reward epochs, slashes. */
  serviceAccount: Address;
}

const DAY = 86_400;
const YEAR = 365 * DAY;

export const defaultAllocationBps = { community: 5171, ecosystem: 1000, liquidity: 500, investors: 1829, team: 1500 };

function requiredAddress(env: Record<string, string | undefined>, name: string): Address {
  const value = env[name];
  if (!value || !isAddress(value)) throw new Error(`${name} must be set to an address to deploy on this chain.`);
  return getAddress(value);
}

/** The deployment settings for a chain: short governance timings on the local chain, the documented defaults elsewhere. */
export function deployConfig(
  chainId: number,
  env: Record<string, string | undefined>,
  deployer: Address,
): DeployConfig {
  const local = chainId === 31337;
  const config: DeployConfig = {
    allocationBps: defaultAllocationBps,
    recipients: local
      ? { community: deployer, ecosystem: "timelock", liquidity: deployer }
      : {
          community: requiredAddress(env, "DEPLOY_COMMUNITY_ADDRESS"),
          ecosystem: "timelock",
          liquidity: requiredAddress(env, "DEPLOY_LIQUIDITY_ADDRESS"),
        },
    beneficiaries: local
      ? { investors: anvilAccounts.investorsBeneficiary, team: anvilAccounts.teamBeneficiary }
      : {
          investors: requiredAddress(env, "DEPLOY_INVESTORS_BENEFICIARY"),
          team: requiredAddress(env, "DEPLOY_TEAM_BENEFICIARY"),
        },
    vesting: { cliffSeconds: YEAR, durationSeconds: 3 * YEAR },
    governance: local
      ? {
          votingDelaySeconds: 60,
          votingPeriodSeconds: 600,
          proposalThreshold: parseEther("100"),
          quorumPercent: 25,
          timelockDelaySeconds: 60,
        }
      : {
          votingDelaySeconds: DAY,
          votingPeriodSeconds: 14 * DAY,
          proposalThreshold: parseEther("100"),
          quorumPercent: 25,
          timelockDelaySeconds: DAY,
        },
    staking: { cooldownSeconds: local ? 60 : 7 * DAY, minimumReviewerStake: parseEther("1000") },
    feeSplit: { modelOwnerBps: 3000, contributorsBps: 5000, stakersBps: 1000, protocolBps: 1000 },
    serviceAccount: local ? deployer : requiredAddress(env, "SERVICE_ACCOUNT_ADDRESS"),
  };
  const sum = Object.values(config.allocationBps).reduce((total, bps) => total + bps, 0);
  if (sum !== 10_000) throw new Error(`The OPEN allocation sums to ${sum} basis points, not 10,000.`);
  const split = Object.values(config.feeSplit).reduce((total, bps) => total + bps, 0);
  if (split !== 10_000) throw new Error(`The fee split sums to ${split} basis points, not 10,000.`);
  return config;
}
