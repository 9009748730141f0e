import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  parseEther,
  parseSignature,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { appChain } from "@/lib/chain/chains";
import type { DeploymentRecord } from "@/lib/chain/deployments";
import { buildContracts, generateAbis } from "../contracts/build";
import { anvilAccounts } from "./config";
import { deployAll, TOTAL_SUPPLY } from "./deploy";

const rpcUrl = process.env.RPC_URL as string;
const chain = appChain({ chainId: 31337, rpcUrl });
const publicClient = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
const service = privateKeyToAccount(anvilAccounts.deployer.key);
// anvil development accounts #2 and #3: a model user and a data contributor.
const user = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
const contributor = privateKeyToAccount("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
const walletOf = (account: typeof user) => createWalletClient({ account, chain, transport: http(rpcUrl) });

let record: DeploymentRecord;
const recordFile = path.join(mkdtempSync(path.join(tmpdir(), "mf-deploy-")), "31337.json");
const token = () => ({ address: record.contracts.OpenToken.address, abi: contractAbis.OpenToken });
const payments = () => ({ address: record.contracts.InferencePayments.address, abi: contractAbis.InferencePayments });
const distributor = () => ({
  address: record.contracts.RewardsDistributor.address,
  abi: contractAbis.RewardsDistributor,
});

async function send(account: typeof user, request: Parameters<PublicClient["simulateContract"]>[0]) {
  const { request: simulated } = await publicClient.simulateContract({ ...request, account });
  const hash = await walletOf(account).writeContract(simulated as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

const openBalance = (address: Address) =>
  publicClient.readContract({ ...token(), functionName: "balanceOf", args: [address] }) as Promise<bigint>;

beforeAll(async () => {
  await buildContracts();
  generateAbis();
  ({ record } = await deployAll({ rpcUrl, chainId: 31337, privateKey: anvilAccounts.deployer.key, recordFile }));
}, 240_000);

describe("the real deploy script on anvil", () => {
  it("mints exactly 10^27 OPEN split as configured", async () => {
    expect(await publicClient.readContract({ ...token(), functionName: "totalSupply" })).toBe(TOTAL_SUPPLY);
    const byRecipient = new Map<string, bigint>();
    for (const allocation of Object.values(record.allocations)) {
      byRecipient.set(allocation.recipient, (byRecipient.get(allocation.recipient) ?? 0n) + BigInt(allocation.amount));
    }
    for (const [recipient, amount] of byRecipient) expect(await openBalance(recipient as Address)).toBe(amount);
    expect(BigInt(record.allocations.community?.amount ?? 0)).toBe((TOTAL_SUPPLY * 5171n) / 10_000n);
    expect(BigInt(record.allocations.team?.amount ?? 0)).toBe((TOTAL_SUPPLY * 1500n) / 10_000n);
  });

  it("reuses the deployment when nothing changed", async () => {
    const again = await deployAll({ rpcUrl, chainId: 31337, privateKey: anvilAccounts.deployer.key, recordFile });
    expect(again.status).toBe("up to date");
    expect(again.record.contracts.OpenToken.address).toBe(record.contracts.OpenToken.address);
  });

  it("pays a contributor: permit-deposit → charge → epoch root → claim, to the wei; a replayed claim reverts", async () => {
    const deposit = parseEther("250");
    await send(service, { ...token(), functionName: "transfer", args: [user.address, parseEther("1000")] });

    // 1. The user deposits with an EIP-2612 permit: one transaction.
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const nonce = (await publicClient.readContract({
      ...token(),
      functionName: "nonces",
      args: [user.address],
    })) as bigint;
    const signature = await user.signTypedData({
      domain: { name: "OpenLedger", version: "1", chainId: 31337, verifyingContract: token().address },
      types: {
        Permit: [
          { name: "owner", type: "address" },
          { name: "spender", type: "address" },
          { name: "value", type: "uint256" },
          { name: "nonce", type: "uint256" },
          { name: "deadline", type: "uint256" },
        ],
      },
      primaryType: "Permit",
      message: { owner: user.address, spender: payments().address, value: deposit, nonce, deadline },
    });
    const { v, r, s } = parseSignature(signature);
    await send(user, { ...payments(), functionName: "depositWithPermit", args: [deposit, deadline, Number(v), r, s] });
    expect(await publicClient.readContract({ ...payments(), functionName: "balanceOf", args: [user.address] })).toBe(
      deposit,
    );

    // 2. The service charges usage for epoch 1; the fees fund the distributor.
    const charge = parseEther("120.5");
    await send(service, { ...payments(), functionName: "charge", args: [1n, [user.address], [charge]] });
    expect(await publicClient.readContract({ ...payments(), functionName: "balanceOf", args: [user.address] })).toBe(
      deposit - charge,
    );
    expect(await publicClient.readContract({ ...distributor(), functionName: "totalFunded" })).toBe(charge);

    // 3. The epoch's cumulative earnings go on-chain as a Merkle root.
    const earnings: [Address, bigint][] = [
      [contributor.address, parseEther("60.25")],
      [service.address, parseEther("36.15")],
    ];
    const tree = StandardMerkleTree.of(
      earnings.map(([account, amount]) => [account, amount.toString()]),
      ["address", "uint256"],
    );
    const allocated = earnings.reduce((sum, [, amount]) => sum + amount, 0n);
    await send(service, { ...distributor(), functionName: "postEpoch", args: [1n, tree.root as Hex, allocated] });

    // 4. The contributor claims exactly their earnings; the same proof cannot pay twice.
    const proof = tree.getProof(0) as Hex[];
    const before = await openBalance(contributor.address);
    await send(contributor, {
      ...distributor(),
      functionName: "claim",
      args: [contributor.address, parseEther("60.25"), proof],
    });
    expect((await openBalance(contributor.address)) - before).toBe(parseEther("60.25"));
    await expect(
      publicClient.simulateContract({
        ...distributor(),
        account: contributor,
        functionName: "claim",
        args: [contributor.address, parseEther("60.25"), proof],
      }),
    ).rejects.toThrow(/NothingToClaim/);
  });
});
