"use client";

import "@rainbow-me/rainbowkit/styles.css";
import {
  cssStringFromTheme,
  darkTheme,
  lightTheme,
  RainbowKitAuthenticationProvider,
  RainbowKitProvider,
} from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { useAccount, WagmiProvider } from "wagmi";
import type { PublicConfig } from "@/lib/config/public";
import { AddressAvatar } from "./address-avatar";
import { PublicConfigContext } from "./public-config-context";
import { SessionContext, type SessionState } from "./session-context";
import { createSiweAdapter, type SessionInfo } from "./siwe-adapter";
import { createWagmiConfig } from "./wagmi-config";

// The app's teal primary (globals.css --primary) in each theme. RainbowKit's variables follow the
// `dark` class next-themes puts on <html>, so the wallet UI switches with the app, before hydration too.
const light = lightTheme({ accentColor: "#007d76", accentColorForeground: "white", borderRadius: "medium" });
const dark = darkTheme({ accentColor: "#3fcfbe", accentColorForeground: "#0b2a2c", borderRadius: "medium" });
const walletThemeCss = `:root{${cssStringFromTheme(light)}}html.dark{${cssStringFromTheme(dark, { extends: light })}}`;

/** Wallet, sign-in and data-fetching context for every client component. */
export function ClientProviders(props: { config: PublicConfig; initialSession: SessionInfo; children: ReactNode }) {
  const [wagmiConfig] = useState(() => createWagmiConfig(props.config));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <PublicConfigContext.Provider value={props.config}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <SignInProviders initialSession={props.initialSession}>{props.children}</SignInProviders>
        </QueryClientProvider>
      </WagmiProvider>
    </PublicConfigContext.Provider>
  );
}

function SignInProviders({ initialSession, children }: { initialSession: SessionInfo; children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo>(initialSession);
  const { address, status: accountStatus } = useAccount();

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
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant CSS built from RainbowKit's themes */}
        <style dangerouslySetInnerHTML={{ __html: walletThemeCss }} />
        <RainbowKitProvider theme={null} modalSize="compact" avatar={AddressAvatar}>
          {/* With theme={null} RainbowKit leaves its scoping attribute to us; `contents` adds no box. */}
          <div data-rk="" className="contents">
            {children}
          </div>
        </RainbowKitProvider>
      </RainbowKitAuthenticationProvider>
    </SessionContext.Provider>
  );
}
