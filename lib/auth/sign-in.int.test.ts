import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { issueNonce } from "./nonce";
import { endSession, findSession } from "./session";
import { signIn } from "./sign-in";

const account = privateKeyToAccount("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
let db: Db;

beforeAll(() => {
  db = createDb(process.env.DATABASE_URL as string);
});
afterAll(async () => {
  await db.$disconnect();
});

async function signedMessage(nonce: string) {
  const message = createSiweMessage({
    domain: "localhost:3000",
    address: account.address,
    uri: "http://localhost:3000",
    version: "1",
    chainId: 31337,
    nonce,
  });
  return { message, signature: await account.signMessage({ message }) };
}

const attempt = (input: { message: string; signature: `0x${string}` }, now?: Date) =>
  signIn(db, { ...input, allowedDomains: ["localhost:3000"], chainId: 31337, ttlHours: 24, ...(now ? { now } : {}) });

describe("sign-in with Ethereum against PostgreSQL", () => {
  it("opens a session for the signer and creates the user once", async () => {
    const first = await attempt(await signedMessage(await issueNonce(db, 600)));
    const second = await attempt(await signedMessage(await issueNonce(db, 600)));
    const session = await findSession(db, first.token);
    expect(session?.address.toLowerCase()).toBe(account.address.toLowerCase());
    expect(second.session.userId).toBe(first.session.userId);
    expect(await db.user.count({ where: { address: account.address.toLowerCase() } })).toBe(1);
  });

  it("refuses the same signed message a second time", async () => {
    const signed = await signedMessage(await issueNonce(db, 600));
    await attempt(signed);
    await expect(attempt(signed)).rejects.toMatchObject({ code: "unknown_nonce", status: 401 });
  });

  it("lets only one of two concurrent uses of a message through", async () => {
    const signed = await signedMessage(await issueNonce(db, 600));
    const results = await Promise.allSettled([attempt(signed), attempt(signed), attempt(signed)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a nonce the server never issued, and an expired one", async () => {
    await expect(attempt(await signedMessage("abcdefgh12345678"))).rejects.toMatchObject({ code: "unknown_nonce" });
    const issued = new Date(Date.now() - 20 * 60_000);
    const stale = await issueNonce(db, 600, issued);
    await expect(attempt(await signedMessage(stale))).rejects.toMatchObject({ code: "unknown_nonce" });
  });

  it("stores nothing when the signature is wrong", async () => {
    const nonce = await issueNonce(db, 600);
    const { message } = await signedMessage(nonce);
    const sessionsBefore = await db.session.count();
    const forged = await privateKeyToAccount(
      "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
    ).signMessage({ message });
    await expect(attempt({ message, signature: forged })).rejects.toMatchObject({ code: "bad_signature" });
    expect(await db.session.count()).toBe(sessionsBefore);
    // The nonce was not burnt by the failed attempt: the real signer can still use it.
    await expect(attempt(await signedMessage(nonce))).resolves.toBeDefined();
  });

  it("ends a session and forgets expired ones", async () => {
    const { token } = await attempt(await signedMessage(await issueNonce(db, 600)));
    await endSession(db, token);
    expect(await findSession(db, token)).toBeNull();
    const { token: later } = await attempt(await signedMessage(await issueNonce(db, 600)));
    expect(await findSession(db, later, new Date(Date.now() + 25 * 3_600_000))).toBeNull();
  });
});
