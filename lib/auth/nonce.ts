import { generateSiweNonce } from "viem/siwe";
import type { Db } from "@/lib/db/client";

/** Issues a fresh nonce that a SIWE message must carry; it expires after ttlSeconds. */
export async function issueNonce(db: Db, ttlSeconds: number, now = new Date()): Promise<string> {
  const value = generateSiweNonce();
  await db.authNonce.create({ data: { value, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) } });
  // Expired nonces are useless; trim them while we are here so the table stays small.
  await db.authNonce.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 3_600_000) } } });
  return value;
}

/**
 * Marks the nonce used. One atomic UPDATE, so of two concurrent sign-ins with the same
 * message only one succeeds. Returns false when the nonce is unknown, expired or used.
 */
export async function consumeNonce(db: Db, value: string, now = new Date()): Promise<boolean> {
  const { count } = await db.authNonce.updateMany({
    where: { value, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  return count === 1;
}
