/** The deployable contracts, by the name the app uses, with their source file under contracts/src. */
export const deployableContracts = {
  OpenToken: "token/OpenToken.sol",
  OpenVestingWallet: "token/OpenVestingWallet.sol",
  OpenTimelock: "governance/OpenTimelock.sol",
  OpenGovernor: "governance/OpenGovernor.sol",
  DatanetRegistry: "datanets/DatanetRegistry.sol",
  ModelRegistry: "models/ModelRegistry.sol",
  RewardsDistributor: "rewards/RewardsDistributor.sol",
  InferencePayments: "payments/InferencePayments.sol",
  Staking: "staking/Staking.sol",
} as const;

export type DeployableContract = keyof typeof deployableContracts;
