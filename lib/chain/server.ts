import { createPublicClient, http, type PublicClient } from "viem";
import { serverConfig } from "@/lib/config/server";
import { appChain } from "./chains";

let client: PublicClient | undefined;

/** A read-only client for the configured chain, used by route handlers and workers. */
export function chainClient(): PublicClient {
  if (!client) {
    const config = serverConfig();
    client = createPublicClient({
      chain: appChain({ chainId: config.CHAIN_ID, rpcUrl: config.RPC_URL }),
      transport: http(config.RPC_URL, { timeout: 5_000, retryCount: 0 }),
    });
  }
  return client;
}
