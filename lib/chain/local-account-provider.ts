import {
  type Address,
  type Chain,
  createWalletClient,
  type EIP1193RequestFn,
  type Hex,
  http,
  numberToHex,
  type TypedDataDefinition,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

export interface LocalAccountProvider {
  address: Address;
  request: EIP1193RequestFn;
}

interface RequestArgs {
  method: string;
  params?: unknown;
}

/**
 * An EIP-1193 provider for a key held in the browser (a burner "local test account"): it
 * signs messages, typed data and transactions itself and forwards everything else to the RPC.
 * Only for local chains: the key sits in localStorage.
 */
export function createLocalAccountProvider(privateKey: Hex, chain: Chain): LocalAccountProvider {
  const account = privateKeyToAccount(privateKey);
  const wallet = createWalletClient({ account, chain, transport: http(chain.rpcUrls.default.http[0]) });

  const handle = async ({ method, params }: RequestArgs): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_accounts":
      case "eth_requestAccounts":
        return [account.address];
      case "eth_chainId":
        return numberToHex(chain.id);
      case "personal_sign":
        return account.signMessage({ message: { raw: args[0] as Hex } });
      case "eth_signTypedData_v4": {
        const typedData = (typeof args[1] === "string" ? JSON.parse(args[1]) : args[1]) as TypedDataDefinition;
        return account.signTypedData(typedData);
      }
      case "eth_sendTransaction": {
        const tx = args[0] as { to?: Address; data?: Hex; value?: Hex; gas?: Hex };
        return wallet.sendTransaction({
          to: tx.to ?? null,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        });
      }
      case "wallet_switchEthereumChain":
        if (Number(BigInt((args[0] as { chainId: Hex }).chainId)) !== chain.id) {
          throw new Error(`The local test account only works on chain ${chain.id}.`);
        }
        return null;
      default:
        return wallet.request({ method, params } as never);
    }
  };
  return { address: account.address, request: handle as EIP1193RequestFn };
}
