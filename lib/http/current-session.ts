import { findSession, type SignedInSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { readSessionToken } from "./session-cookie";

/** The signed-in session of this request, or null. */
export async function currentSession(): Promise<SignedInSession | null> {
  return findSession(db(), await readSessionToken());
}

/** The signed-in session of this request; 401 with `action` in the message when there is none. */
export async function requireSession(action: string): Promise<SignedInSession> {
  const session = await currentSession();
  if (!session) throw new DomainError("not_signed_in", `Sign in with your wallet to ${action}.`, 401);
  return session;
}
