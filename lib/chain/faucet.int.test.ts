import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPublicClient, erc20Abi, http, type PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { anvilAccounts } from "@/scripts/deploy/config";
import { deployAll } from "@/scripts/deploy/deploy";
import { appChain } from "./chains";
import type { DeploymentRecord } from "./deployments";
import { dripFromFaucet, FAUCET_ETH, FAUCET_OPEN } from "./faucet";

const rpcUrl = process.env.RPC_URL as string;
const chainClient = createPublicClient({
  chain: appChain({ chainId: 31337, rpcUrl }),
  transport: http(rpcUrl),
}) as PublicClient;
let deployment: DeploymentRecord;

beforeAll(async () => {
  const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-faucet-")), "31337.json");
  ({ record: deployment } = await deployAll({
    rpcUrl,
    chainId: 31337,
    privateKey: anvilAccounts.deployer.key,
    recordFile,
  }));
}, 240_000);

describe("the local faucet", () => {
  it("gives a new account 10 ETH and 1,000 OPEN from the community allocation", async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const openBalance = () =>
      chainClient.readContract({
        address: deployment.contracts.OpenToken.address,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [to],
      });
    await dripFromFaucet({ to, chainId: 31337, rpcUrl, deployment, chainClient });
    expect(await chainClient.getBalance({ address: to })).toBe(FAUCET_ETH);
    expect(await openBalance()).toBe(FAUCET_OPEN);
  });

  it("refuses on any other chain and before the contracts are deployed", async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    await expect(dripFromFaucet({ to, chainId: 161201, rpcUrl, deployment, chainClient })).rejects.toMatchObject({
      code: "faucet_unavailable",
      status: 403,
    });
    await expect(
      dripFromFaucet({ to, chainId: 31337, rpcUrl, deployment: undefined, chainClient }),
    ).rejects.toMatchObject({ code: "not_deployed" });
  });
});
