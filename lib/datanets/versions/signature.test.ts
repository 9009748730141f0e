import { type Address, type Hex, keccak256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  type ContributionMessage,
  contributionTypedData,
  type VerifyContributionInput,
  verifyContributionSignature,
} from "./signature";
import { contributionMessageSchema, signatureSchema } from "./signature-schema";

// anvil's first two well-known development keys.
const alice = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const bob = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;
const domain = { chainId: 31337, verifyingContract: registry };
const now = new Date("2026-11-25T12:00:00Z");
const nowSeconds = BigInt(now.getTime() / 1000);

const message: ContributionMessage = {
  datanetId: 7n,
  contentRoot: keccak256(toHex("rows")),
  rowCount: 120n,
  license: "CC-BY-4.0",
  nonce: 42n,
  deadline: nowSeconds + 600n,
};

async function signed(
  overrides: Partial<ContributionMessage> = {},
  signer = alice,
  signDomain = domain,
): Promise<{ m: ContributionMessage; signature: Hex }> {
  const m = { ...message, ...overrides };
  return { m, signature: await signer.signTypedData(contributionTypedData(signDomain, m)) };
}

function input(
  m: ContributionMessage,
  signature: Hex,
  extra: Partial<VerifyContributionInput> = {},
): VerifyContributionInput {
  return {
    domain,
    expectedDomain: domain,
    message: m,
    signature,
    expectedSigner: alice.address,
    now,
    isNonceUsed: () => false,
    ...extra,
  };
}

describe("verifyContributionSignature", () => {
  it("accepts a valid signature and returns the checksummed signer", async () => {
    const { m, signature } = await signed();
    const usedNonces: bigint[] = [];
    const result = await verifyContributionSignature(
      input(m, signature, {
        expectedSigner: alice.address.toLowerCase() as Address,
        expectedMessage: {
          datanetId: 7n,
          contentRoot: m.contentRoot.toUpperCase().replace("0X", "0x") as Hex,
          rowCount: 120n,
          license: "CC-BY-4.0",
        },
        isNonceUsed: async (_signer, nonce) => {
          usedNonces.push(nonce);
          return false;
        },
      }),
    );
    expect(result.signer).toBe(alice.address);
    expect(usedNonces).toEqual([42n]);
  });

  it("refuses a replayed nonce", async () => {
    const { m, signature } = await signed();
    const used = new Set<string>([`${alice.address}:42`]);
    await expect(
      verifyContributionSignature(input(m, signature, { isNonceUsed: (s, n) => used.has(`${s}:${n}`) })),
    ).rejects.toMatchObject({ code: "nonce_used", status: 409 });
  });

  it("refuses an expired deadline, a deadline of exactly now, and one too far ahead", async () => {
    for (const deadline of [nowSeconds - 1n, nowSeconds]) {
      const { m, signature } = await signed({ deadline });
      await expect(verifyContributionSignature(input(m, signature))).rejects.toMatchObject({ code: "deadline_passed" });
    }
    const far = await signed({ deadline: nowSeconds + 86_401n });
    await expect(verifyContributionSignature(input(far.m, far.signature))).rejects.toMatchObject({
      code: "deadline_too_far",
    });
    const edge = await signed({ deadline: nowSeconds + 86_400n });
    await expect(verifyContributionSignature(input(edge.m, edge.signature))).resolves.toEqual({
      signer: alice.address,
    });
  });

  it("refuses another address's signature", async () => {
    const { m, signature } = await signed({}, bob);
    await expect(verifyContributionSignature(input(m, signature))).rejects.toMatchObject({ code: "signer_mismatch" });
  });

  it("refuses a domain with the wrong chain id, even when the signature matches it", async () => {
    const other = { ...domain, chainId: 1 };
    const { m, signature } = await signed({}, alice, other);
    await expect(verifyContributionSignature(input(m, signature, { domain: other }))).rejects.toMatchObject({
      code: "wrong_chain",
    });
    // Claiming the right domain for a signature made on another chain recovers another address.
    await expect(verifyContributionSignature(input(m, signature))).rejects.toMatchObject({ code: "signer_mismatch" });
  });

  it("refuses a signature for another verifying contract", async () => {
    const other = { ...domain, verifyingContract: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as Address };
    const { m, signature } = await signed({}, alice, other);
    await expect(verifyContributionSignature(input(m, signature, { domain: other }))).rejects.toMatchObject({
      code: "wrong_contract",
    });
  });

  it("refuses a tampered message (rowCount changed after signing)", async () => {
    const { m, signature } = await signed();
    await expect(verifyContributionSignature(input({ ...m, rowCount: 121n }, signature))).rejects.toMatchObject({
      code: "signer_mismatch",
    });
  });

  it("refuses a signed content root or licence that differs from the upload", async () => {
    const { m, signature } = await signed();
    await expect(
      verifyContributionSignature(input(m, signature, { expectedMessage: { contentRoot: keccak256("0x01") } })),
    ).rejects.toMatchObject({ code: "message_mismatch", details: { field: "contentRoot" } });
    await expect(
      verifyContributionSignature(input(m, signature, { expectedMessage: { license: "MIT" } })),
    ).rejects.toMatchObject({ code: "message_mismatch", details: { field: "license" } });
  });

  it("refuses a malformed signature and an ill-formed message", async () => {
    const { m } = await signed();
    await expect(verifyContributionSignature(input(m, "0x1234"))).rejects.toMatchObject({ code: "invalid_signature" });
    const { signature } = await signed();
    await expect(verifyContributionSignature(input({ ...m, rowCount: 0n }, signature))).rejects.toMatchObject({
      code: "invalid_message",
    });
    await expect(verifyContributionSignature(input({ ...m, rowCount: 1n << 64n }, signature))).rejects.toMatchObject({
      code: "invalid_message",
    });
  });
});

describe("contributionMessageSchema", () => {
  it("parses the wire form into bigints and refuses bad fields", () => {
    const wire = {
      datanetId: "7",
      contentRoot: message.contentRoot,
      rowCount: 120,
      license: "CC-BY-4.0",
      nonce: "42",
      deadline: String(message.deadline),
    };
    expect(contributionMessageSchema.parse(wire)).toEqual(message);
    expect(contributionMessageSchema.safeParse({ ...wire, datanetId: "-1" }).success).toBe(false);
    expect(contributionMessageSchema.safeParse({ ...wire, rowCount: 1.5 }).success).toBe(false);
    expect(contributionMessageSchema.safeParse({ ...wire, contentRoot: "0x12" }).success).toBe(false);
    expect(signatureSchema.safeParse("0x12").success).toBe(false);
  });
});
