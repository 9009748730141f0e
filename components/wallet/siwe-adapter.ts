"use client";

import { createAuthenticationAdapter } from "@rainbow-me/rainbowkit";
import { createSiweMessage } from "viem/siwe";

export interface SessionInfo {
  authenticated: boolean;
  address?: string;
  chainId?: number;
  expiresAt?: string;
}

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).`;
}

/**
 * Sign-In with Ethereum against /api/auth: RainbowKit asks for a nonce, has the wallet sign the
 * message, and we exchange it for an httpOnly session cookie.
 */
export function createSiweAdapter(onChange: (session: SessionInfo) => void, onError: (message: string) => void) {
  return createAuthenticationAdapter({
    getNonce: async () => {
      const response = await fetch("/api/auth/nonce", { cache: "no-store" });
      if (!response.ok) throw new Error(await readError(response));
      return ((await response.json()) as { nonce: string }).nonce;
    },
    createMessage: ({ nonce, address, chainId }) =>
      createSiweMessage({
        domain: window.location.host,
        address,
        statement: "Sign in to ModelFactory. This request costs nothing and sends no transaction.",
        uri: window.location.origin,
        version: "1",
        chainId,
        nonce,
        issuedAt: new Date(),
        expirationTime: new Date(Date.now() + 10 * 60_000),
      }),
    verify: async ({ message, signature }) => {
      const response = await fetch("/api/auth/verify", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ message, signature }),
      });
      if (!response.ok) {
        onError(await readError(response));
        return false;
      }
      const session = (await response.json()) as Omit<SessionInfo, "authenticated">;
      onChange({ authenticated: true, ...session });
      return true;
    },
    signOut: async () => {
      await fetch("/api/auth/logout", { method: "POST" });
      onChange({ authenticated: false });
    },
  });
}
