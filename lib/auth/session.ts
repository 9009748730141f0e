import { createHash, randomBytes } from "node:crypto";
import type { Address } from "viem";
import type { Db } from "@/lib/db/client";

export const SESSION_COOKIE = "mf_session";

export interface SignedInSession {
  sessionId: string;
  userId: string;
  address: Address;
  chainId: number;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates the user on first sign-in and a session for them; returns the cookie token (stored only hashed). */
export async function createSession(
  db: Db,
  input: { address: Address; chainId: number; ttlHours: number; userAgent?: string | null; now?: Date },
): Promise<{ token: string; session: SignedInSession }> {
  const now = input.now ?? new Date();
  const address = input.address.toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  const session = await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { address },
      create: { address, lastLoginAt: now },
      update: { lastLoginAt: now },
    });
    return tx.session.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        chainId: input.chainId,
        expiresAt,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      },
    });
  });
  return {
    token,
    session: {
      sessionId: session.id,
      userId: session.userId,
      address: input.address,
      chainId: input.chainId,
      expiresAt,
    },
  };
}

/** The live session for a cookie token, or null when unknown or expired. */
export async function findSession(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<SignedInSession | null> {
  if (!token) return null;
  const row = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return {
    sessionId: row.id,
    userId: row.userId,
    address: row.user.address as Address,
    chainId: row.chainId,
    expiresAt: row.expiresAt,
  };
}

/** Ends the session behind a cookie token (no error if it is already gone). */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
