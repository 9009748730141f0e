import { z } from "zod";

/**
 * What the browser needs to know, read from the server's environment at request time (not
 * inlined at build time), so one build runs against any chain. Holds nothing secret.
 */
export const publicConfigSchema = z.object({
  chainId: z.coerce.number().int().positive(),
  /** The RPC endpoint the browser's wallet code reads from (PUBLIC_RPC_URL, else RPC_URL). */
  rpcUrl: z.url(),
  chainName: z.string().min(1).optional(),
  explorerUrl: z.url().optional(),
  walletConnectProjectId: z.string().min(1).optional(),
  /** Addresses of the deployed contracts by app name, when they are deployed on this chain. */
  contracts: z.record(z.string(), z.string().regex(/^0x[0-9a-fA-F]{40}$/)).optional(),
});

export type PublicConfig = z.infer<typeof publicConfigSchema>;

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Reads the public half of the configuration from an environment. */
export function readPublicConfig(env: Record<string, string | undefined>): PublicConfig {
  return publicConfigSchema.parse({
    chainId: blankToUndefined(env.CHAIN_ID) ?? "31337",
    rpcUrl: blankToUndefined(env.PUBLIC_RPC_URL) ?? blankToUndefined(env.RPC_URL) ?? "http://127.0.0.1:8545",
    chainName: blankToUndefined(env.CHAIN_NAME),
    explorerUrl: blankToUndefined(env.BLOCK_EXPLORER_URL),
    walletConnectProjectId: blankToUndefined(env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID),
  });
}
