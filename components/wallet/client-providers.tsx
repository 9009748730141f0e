"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { darkTheme, lightTheme, RainbowKitAuthenticationProvider, RainbowKitProvider } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTheme } from "next-themes";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { useAccount, WagmiProvider } from "wagmi";
import type { PublicConfig } from "@/lib/config/public";
import { AddressAvatar } from "./address-avatar";
import { SessionContext, type SessionState } from "./session-context";
import { createSiweAdapter, type SessionInfo } from "./siwe-adapter";
import { createWagmiConfig } from "./wagmi-config";

// The app's teal primary (globals.css --primary) in each theme.
const lightAccent = { accentColor: "#007d76", accentColorForeground: "white", borderRadius: "medium" } as const;
const darkAccent = { accentColor: "#3fcfbe", accentColorForeground: "#0b2a2c", borderRadius: "medium" } as const;

/** Wallet, sign-in and data-fetching context for every client component. */
export function ClientProviders(props: { config: PublicConfig; initialSession: SessionInfo; children: ReactNode }) {
  const [wagmiConfig] = useState(() => createWagmiConfig(props.config));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <SignInProviders initialSession={props.initialSession}>{props.children}</SignInProviders>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

function SignInProviders({ initialSession, children }: { initialSession: SessionInfo; children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo>(initialSession);
  const { address, status: accountStatus } = useAccount();
  const { resolvedTheme } = useTheme();

  const refresh = useCallback(async () => {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    if (response.ok) setSession((await response.json()) as SessionInfo);
  }, []);
  const adapter = useMemo(() => createSiweAdapter(setSession, (message) => toast.error(message)), []);

  // A session belongs to one address: switching accounts in the wallet signs the old one out.
  useEffect(() => {
    if (session.authenticated && address && session.address?.toLowerCase() !== address.toLowerCase()) {
      void adapter.signOut();
    }
  }, [address, session, adapter]);

  // Only a reconnect (page load) is "loading". While the user connects a wallet the status must stay
  // "unauthenticated": RainbowKit keeps its modal open on connect only then, to show the sign-in step.
  const status: SessionState["status"] =
    accountStatus === "reconnecting" ? "loading" : session.authenticated ? "authenticated" : "unauthenticated";
  const state = useMemo<SessionState>(() => ({ status, session, refresh }), [status, session, refresh]);

  return (
    <SessionContext.Provider value={state}>
      <RainbowKitAuthenticationProvider adapter={adapter} status={status}>
        <RainbowKitProvider
          theme={resolvedTheme === "dark" ? darkTheme(darkAccent) : lightTheme(lightAccent)}
          modalSize="compact"
          avatar={AddressAvatar}
        >
          {children}
        </RainbowKitProvider>
      </RainbowKitAuthenticationProvider>
    </SessionContext.Provider>
  );
}
