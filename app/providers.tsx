import { connection } from "next/server";
import type { ReactNode } from "react";
import { ClientProviders } from "@/components/wallet/client-providers";
import type { SessionInfo } from "@/components/wallet/siwe-adapter";
import { findSession } from "@/lib/auth/session";
import { readDeployment } from "@/lib/chain/deployments";
import { readPublicConfig } from "@/lib/config/public";
import { db } from "@/lib/db/client";
import { readSessionToken } from "@/lib/http/session-cookie";
import { log } from "@/lib/log";

/**
 * Reads the chain settings and this browser's session at request time and hands them to the
 * client providers, so one build serves any chain and the header knows who is signed in.
 */
export async function Providers({ children }: { children: ReactNode }) {
  await connection();
  const publicConfig = readPublicConfig(process.env);
  const config = { ...publicConfig, contracts: deployedAddresses(publicConfig.chainId) };
  return (
    <ClientProviders config={config} initialSession={await initialSession()}>
      {children}
    </ClientProviders>
  );
}

/** Addresses of this chain's deployed contracts for the browser; none when nothing is deployed. */
function deployedAddresses(chainId: number): Record<string, string> | undefined {
  const deployment = readDeployment(chainId, process.env);
  if (!deployment) return undefined;
  return Object.fromEntries(Object.entries(deployment.contracts).map(([name, contract]) => [name, contract.address]));
}

async function initialSession(): Promise<SessionInfo> {
  try {
    const session = await findSession(db(), await readSessionToken());
    if (!session) return { authenticated: false };
    return {
      authenticated: true,
      address: session.address,
      chainId: session.chainId,
      expiresAt: session.expiresAt.toISOString(),
    };
  } catch (error) {
    // A page still renders when the database is down; /api/health says why.
    log.warn({ err: error }, "could not read the session");
    return { authenticated: false };
  }
}
