import { readFileSync } from "node:fs";
import path from "node:path";
import { type Address, createPublicClient, createWalletClient, type Hex, http, keccak256, numberToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { beforeAll, describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { buildVersionTree, type VersionLeaf } from "./version-tree";

/**
 * The version tree against the real DatanetRegistry on anvil: the registered root is ours and
 * verifyContribution accepts our proofs (and refuses a wrong one).
 */
const rpcUrl = process.env.RPC_URL as string;
// anvil's second development account, so this file never races the deployer's nonce.
const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const abi = contractAbis.DatanetRegistry;
const publicClient = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
const wallet = createWalletClient({ account, chain: foundry, transport: http(rpcUrl) });
let registry: Address;

beforeAll(async () => {
  const artifact = JSON.parse(
    readFileSync(path.resolve("contracts/out/DatanetRegistry.sol/DatanetRegistry.json"), "utf8"),
  ) as { bytecode: { object: Hex } };
  const hash = await wallet.deployContract({ abi, bytecode: artifact.bytecode.object, args: [] });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  registry = receipt.contractAddress as Address;
});

describe("buildVersionTree against DatanetRegistry.verifyContribution", () => {
  it("registers our root and the contract accepts every proof", async () => {
    const contributors = [account.address, "0x00000000000000000000000000000000000000aa" as Address];
    const leaves: VersionLeaf[] = Array.from({ length: 37 }, (_, i) => ({
      contributor: contributors[i % 2] as Address,
      rowHash: keccak256(numberToHex(i, { size: 32 })),
    }));
    const tree = buildVersionTree(leaves);
    const { result: datanetId, request } = await publicClient.simulateContract({
      account,
      address: registry,
      abi,
      functionName: "createDatanet",
      args: [keccak256("0x01"), "ipfs://meta", "CC-BY-4.0"],
    });
    await publicClient.waitForTransactionReceipt({ hash: await wallet.writeContract(request) });
    await publicClient.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: registry,
        abi,
        functionName: "addVersion",
        args: [datanetId, tree.root, BigInt(leaves.length), 2, 0, keccak256("0x02")],
      }),
    });
    const stored = await publicClient.readContract({
      address: registry,
      abi,
      functionName: "getVersion",
      args: [datanetId, 1],
    });
    expect(stored.merkleRoot).toBe(tree.root);
    const verify = (leaf: VersionLeaf, proof: Hex[]) =>
      publicClient.readContract({
        address: registry,
        abi,
        functionName: "verifyContribution",
        args: [datanetId, 1, leaf.contributor, leaf.rowHash, proof],
      });
    for (const [i, leaf] of leaves.entries()) expect(await verify(leaf, tree.proof(i))).toBe(true);
    const other = leaves[1] as VersionLeaf;
    expect(await verify({ ...(leaves[0] as VersionLeaf), contributor: other.contributor }, tree.proof(0))).toBe(false);
  });
});
