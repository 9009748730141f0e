"use client";

import { createContext, useContext } from "react";
import type { SessionInfo } from "./siwe-adapter";

export interface SessionState {
  status: "loading" | "authenticated" | "unauthenticated";
  session: SessionInfo;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in session as the browser knows it (address, chain, expiry). */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession must be used inside <ClientProviders>");
  return state;
}
