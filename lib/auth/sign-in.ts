import type { Hex } from "viem";
import type { Db } from "@/lib/db/client";
import { SignInError } from "./errors";
import { consumeNonce } from "./nonce";
import { createSession } from "./session";
import { type SignInCheck, verifySignInMessage } from "./siwe";

/**
 * Signs a wallet in: verifies the SIWE message, consumes its nonce (so the same message can
 * never be replayed) and opens a session.
 */
export async function signIn(
  db: Db,
  input: Omit<SignInCheck, "signature"> & { signature: Hex; ttlHours: number; userAgent?: string | null },
) {
  const verified = await verifySignInMessage(input);
  if (!(await consumeNonce(db, verified.nonce, input.now))) {
    throw new SignInError(
      "unknown_nonce",
      "This sign-in message was already used or its nonce expired. Sign in again.",
    );
  }
  const ttlHours = verified.expiresAt
    ? Math.min(
        input.ttlHours,
        Math.max(0, (verified.expiresAt.getTime() - (input.now ?? new Date()).getTime()) / 3_600_000),
      )
    : input.ttlHours;
  return createSession(db, {
    address: verified.address,
    chainId: verified.chainId,
    ttlHours,
    userAgent: input.userAgent,
    ...(input.now ? { now: input.now } : {}),
  });
}
