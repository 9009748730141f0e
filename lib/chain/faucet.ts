import { type Address, createWalletClient, erc20Abi, type Hex, http, type PublicClient, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { DomainError } from "@/lib/errors";
import { appChain, LOCAL_CHAIN_ID } from "./chains";
import type { DeploymentRecord } from "./deployments";

/** anvil's first development account: it deploys the contracts and holds the community allocation locally. */
const LOCAL_TREASURY_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export const FAUCET_ETH = parseEther("10");
export const FAUCET_OPEN = parseEther("1000");

export interface FaucetGrant {
  address: Address;
  eth: string;
  open: string;
  openTxHash: Hex;
}

/**
 * Gives an account test ETH and OPEN from the community allocation. Local chain only: anywhere
 * else tokens are real and this refuses.
 */
export async function dripFromFaucet(input: {
  to: Address;
  chainId: number;
  rpcUrl: string;
  deployment: DeploymentRecord | undefined;
  chainClient: PublicClient;
}): Promise<FaucetGrant> {
  if (input.chainId !== LOCAL_CHAIN_ID) {
    throw new DomainError(
      "faucet_unavailable",
      `The faucet only runs on the local chain, not chain ${input.chainId}.`,
      403,
    );
  }
  if (!input.deployment) {
    throw new DomainError("not_deployed", "The contracts are not deployed on this chain yet.", 503);
  }
  const treasury = privateKeyToAccount(LOCAL_TREASURY_KEY);
  const chain = appChain({ chainId: input.chainId, rpcUrl: input.rpcUrl });
  const wallet = createWalletClient({ account: treasury, chain, transport: http(input.rpcUrl) });
  const balance = await input.chainClient.getBalance({ address: input.to });
  await input.chainClient.request({
    method: "anvil_setBalance" as never,
    params: [input.to, `0x${(balance + FAUCET_ETH).toString(16)}`] as never,
  });
  const hash = await wallet.writeContract({
    address: input.deployment.contracts.OpenToken.address,
    abi: erc20Abi,
    functionName: "transfer",
    args: [input.to, FAUCET_OPEN],
  });
  const receipt = await input.chainClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new DomainError("faucet_failed", `The OPEN transfer failed (${hash}).`, 502);
  return { address: input.to, eth: FAUCET_ETH.toString(), open: FAUCET_OPEN.toString(), openTxHash: hash };
}
