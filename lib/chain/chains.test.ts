import { describe, expect, it } from "vitest";
import { appChain } from "./chains";

describe("appChain", () => {
  it("uses anvil's definition for the local chain with the configured RPC", () => {
    const chain = appChain({ chainId: 31337, rpcUrl: "http://127.0.0.1:9999" });
    expect(chain.id).toBe(31337);
    expect(chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:9999"]);
  });

  it("defines any other EVM chain from settings", () => {
    const chain = appChain({
      chainId: 161201,
      rpcUrl: "https://rpc.example.org",
      name: "OpenLedger testnet",
      explorerUrl: "https://explorer.example.org",
    });
    expect(chain.name).toBe("OpenLedger testnet");
    expect(chain.blockExplorers?.default.url).toBe("https://explorer.example.org");
  });
});
