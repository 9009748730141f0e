"use client";

import type { Wallet, WalletDetailsParams } from "@rainbow-me/rainbowkit";
import { type Chain, getAddress, type Hex } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { createConnector } from "wagmi";
import { createLocalAccountProvider, type LocalAccountProvider } from "@/lib/chain/local-account-provider";

const KEY_STORAGE = "modelfactory.localTestAccount.privateKey";
const CONNECTED_STORAGE = "modelfactory.localTestAccount.connected";
const STARTING_BALANCE = 100n * 10n ** 18n;

// A plain wallet glyph on the brand colour, inlined so no request leaves the machine.
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='28' height='28' viewBox='0 0 28 28'%3E%3Crect width='28' height='28' rx='6' fill='%23007d76'/%3E%3Cpath d='M7 10h14v10H7z' fill='none' stroke='white' stroke-width='2'/%3E%3Ccircle cx='18' cy='15' r='1.5' fill='white'/%3E%3Cpath d='M9 10V8h9v2' fill='none' stroke='white' stroke-width='2'/%3E%3C/svg%3E";

/** The browser-held key of this device's test account, created on first use. */
function testAccountKey(): Hex {
  let key = window.localStorage.getItem(KEY_STORAGE) as Hex | null;
  if (!key) {
    key = generatePrivateKey();
    window.localStorage.setItem(KEY_STORAGE, key);
  }
  return key;
}

/** Gives a new test account some ETH on the local chain so it can pay for gas (anvil only). */
async function fundIfEmpty(provider: LocalAccountProvider): Promise<void> {
  const balance = BigInt(
    (await provider.request({ method: "eth_getBalance", params: [provider.address, "latest"] })) as Hex,
  );
  if (balance > 0n) return;
  await provider.request({
    method: "anvil_setBalance" as "eth_chainId",
    params: [provider.address, `0x${STARTING_BALANCE.toString(16)}`] as never,
  });
}

/**
 * "Local test account": a burner wallet for the local chain, so a newcomer without a browser
 * wallet can sign in and try everything. Never offered on other chains.
 */
export function localTestAccountWallet(chain: Chain): () => Wallet {
  return () => ({
    id: "local-test-account",
    name: "Local test account",
    shortName: "Test account",
    iconUrl: ICON,
    iconBackground: "#007d76",
    installed: true,
    createConnector: (walletDetails: WalletDetailsParams) =>
      createConnector((config) => {
        let provider: LocalAccountProvider | undefined;
        const getProvider = () => {
          provider ??= createLocalAccountProvider(testAccountKey(), chain);
          return provider;
        };
        return {
          ...walletDetails,
          id: "local-test-account",
          name: "Local test account",
          type: "localTestAccount",
          async connect(parameters?: { chainId?: number; isReconnecting?: boolean; withCapabilities?: boolean }) {
            const local = getProvider();
            await fundIfEmpty(local).catch(() => {});
            window.localStorage.setItem(CONNECTED_STORAGE, "1");
            const address = getAddress(local.address);
            const accounts = parameters?.withCapabilities ? [{ address, capabilities: {} }] : [address];
            return { accounts, chainId: chain.id } as never;
          },
          async disconnect() {
            window.localStorage.removeItem(CONNECTED_STORAGE);
          },
          async getAccounts() {
            return [getAddress(getProvider().address)];
          },
          async getChainId() {
            return chain.id;
          },
          async getProvider() {
            return getProvider();
          },
          async isAuthorized() {
            return window.localStorage.getItem(CONNECTED_STORAGE) === "1";
          },
          onAccountsChanged() {},
          onChainChanged() {},
          onDisconnect() {
            config.emitter.emit("disconnect");
          },
        };
      }),
  });
}
