import { type Abi, type Address, getAddress } from "viem";
import { contractAbis } from "@/lib/chain/abis.generated";

/** A deployed contract as the debug page shows it. */
export interface DebugContract {
  /** The app's name for the deployment, e.g. "TeamVesting". */
  name: string;
  /** The compiled contract it is an instance of, e.g. "OpenVestingWallet". */
  abiName: string;
  address: Address;
  /** Undefined when lib/chain/abis.generated.ts has no ABI of that name (run npm run contracts:build). */
  abi: Abi | undefined;
  description: string;
}

/** App names that differ from the compiled contract's name. */
const abiNameOf: Record<string, string> = {
  Governor: "OpenGovernor",
  Timelock: "OpenTimelock",
  TeamVesting: "OpenVestingWallet",
  InvestorVesting: "OpenVestingWallet",
};

/** The app's contracts in the order of the product, each with a line on what it does. */
const known: [name: string, description: string][] = [
  ["OpenToken", "OPEN: the fixed-supply ERC-20 with permit and votes."],
  ["DatanetRegistry", "Datanets, their owners, operators and Merkle-rooted versions."],
  ["ModelRegistry", "Published adapters, their prices and the Datanet versions they were trained on."],
  ["InferencePayments", "Prepaid OPEN balances that inference is charged against."],
  ["RewardsDistributor", "Fee split, epoch Merkle roots and contributor claims."],
  ["Staking", "Reviewer stakes, unstake cooldowns and slashing."],
  ["Governor", "OpenGovernor: proposals and votes weighted by OPEN."],
  ["Timelock", "OpenTimelock: runs what governance passes, after a delay; admin of every parameter."],
  ["TeamVesting", "The team's allocation: 12-month cliff, then 36 months linear."],
  ["InvestorVesting", "The investors' allocation: 12-month cliff, then 36 months linear."],
];

const abis = contractAbis as unknown as Record<string, Abi | undefined>;

/** The deployed contracts by app name → what the page lists, in product order, unknown names last. */
export function debugContracts(addresses: Record<string, string> | undefined): DebugContract[] {
  if (!addresses) return [];
  const order = new Map(known.map(([name], index) => [name, index]));
  return Object.entries(addresses)
    .sort(([a], [b]) => (order.get(a) ?? known.length) - (order.get(b) ?? known.length) || a.localeCompare(b))
    .map(([name, address]) => {
      const abiName = abiNameOf[name] ?? name;
      return {
        name,
        abiName,
        address: getAddress(address),
        abi: abis[abiName],
        description: known.find(([knownName]) => knownName === name)?.[1] ?? `${abiName} contract.`,
      };
    });
}
