import { type Chain, defineChain } from "viem";
import { foundry } from "viem/chains";

export const LOCAL_CHAIN_ID = 31337;

export interface ChainSettings {
  chainId: number;
  rpcUrl: string;
  name?: string | undefined;
  explorerUrl?: string | undefined;
}

/** The chain the app runs against: the local anvil chain by default, any EVM chain by configuration. */
export function appChain(settings: ChainSettings): Chain {
  const rpcUrls = { default: { http: [settings.rpcUrl] } };
  if (settings.chainId === LOCAL_CHAIN_ID) {
    return { ...foundry, name: settings.name ?? "Local chain (anvil)", rpcUrls };
  }
  return defineChain({
    id: settings.chainId,
    name: settings.name ?? `Chain ${settings.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls,
    ...(settings.explorerUrl ? { blockExplorers: { default: { name: "Explorer", url: settings.explorerUrl } } } : {}),
  });
}
