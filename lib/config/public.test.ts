import { describe, expect, it } from "vitest";
import { readPublicConfig } from "./public";

describe("readPublicConfig", () => {
  it("defaults to the local anvil chain", () => {
    expect(readPublicConfig({})).toEqual({ chainId: 31337, rpcUrl: "http://127.0.0.1:8545" });
  });

  it("prefers PUBLIC_RPC_URL for the browser and ignores blank values", () => {
    const config = readPublicConfig({
      CHAIN_ID: "161201",
      RPC_URL: "http://internal:8545",
      PUBLIC_RPC_URL: "https://rpc.example.org",
      NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: " ",
    });
    expect(config).toEqual({ chainId: 161201, rpcUrl: "https://rpc.example.org" });
  });
});
