import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage, generateSiweNonce } from "viem/siwe";
import { describe, expect, it } from "vitest";
import { verifySignInMessage } from "./siwe";

const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const now = new Date("2026-11-25T12:00:00Z");

function message(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
  return createSiweMessage({
    domain: "localhost:3000",
    address: account.address,
    uri: "http://localhost:3000",
    version: "1",
    chainId: 31337,
    nonce: generateSiweNonce(),
    issuedAt: new Date(now.getTime() - 1000),
    expirationTime: new Date(now.getTime() + 600_000),
    ...overrides,
  });
}

const check = async (text: string, signature?: `0x${string}`) =>
  verifySignInMessage({
    message: text,
    signature: signature ?? (await account.signMessage({ message: text })),
    allowedDomains: ["localhost:3000"],
    chainId: 31337,
    now,
  });

describe("verifySignInMessage", () => {
  it("accepts a well-formed message signed by its address", async () => {
    const verified = await check(message());
    expect(verified.address).toBe(account.address);
    expect(verified.chainId).toBe(31337);
  });

  it.each([
    ["wrong_domain", message({ domain: "evil.example" })],
    ["wrong_chain", message({ chainId: 1 })],
    ["expired_message", message({ expirationTime: new Date(now.getTime() - 1) })],
    ["not_yet_valid", message({ notBefore: new Date(now.getTime() + 60_000) })],
    ["malformed_message", "hello, this is not SIWE"],
  ])("refuses %s", async (code, text) => {
    await expect(check(text)).rejects.toMatchObject({ code, status: 401 });
  });

  it("refuses a signature by another key", async () => {
    const other = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    const text = message();
    await expect(check(text, await other.signMessage({ message: text }))).rejects.toMatchObject({
      code: "bad_signature",
    });
  });

  it("refuses a message edited after signing", async () => {
    const text = message();
    const signature = await account.signMessage({ message: text });
    await expect(check(text.replace("Chain ID: 31337", "Chain ID: 31337 "), signature)).rejects.toMatchObject({
      status: 401,
    });
  });
});
