"use client";

import { connectorsForWallets, type WalletList } from "@rainbow-me/rainbowkit";
import { injectedWallet, metaMaskWallet, rainbowWallet, walletConnectWallet } from "@rainbow-me/rainbowkit/wallets";
import { http } from "viem";
import { createConfig } from "wagmi";
import { appChain, LOCAL_CHAIN_ID } from "@/lib/chain/chains";
import type { PublicConfig } from "@/lib/config/public";
import { localTestAccountWallet } from "./local-test-account-wallet";

/**
 * Wallets offered: the browser's injected wallet always; WalletConnect-based wallets only with a
 * project id (they call WalletConnect's servers); the local test account only on the local chain.
 */
export function createWagmiConfig(config: PublicConfig) {
  const chain = appChain({
    chainId: config.chainId,
    rpcUrl: config.rpcUrl,
    name: config.chainName,
    explorerUrl: config.explorerUrl,
  });
  const projectId = config.walletConnectProjectId;
  const groups: WalletList = [{ groupName: "Installed", wallets: [injectedWallet] }];
  if (projectId) groups.push({ groupName: "Popular", wallets: [metaMaskWallet, rainbowWallet, walletConnectWallet] });
  if (config.chainId === LOCAL_CHAIN_ID)
    groups.push({ groupName: "Local development", wallets: [localTestAccountWallet(chain)] });

  const connectors = connectorsForWallets(groups, {
    appName: "ModelFactory",
    // Never used without a configured id: no WalletConnect wallet is listed then.
    projectId: projectId ?? "walletconnect-disabled",
  });
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(config.rpcUrl) },
    ssr: true,
    multiInjectedProviderDiscovery: true,
  });
}
