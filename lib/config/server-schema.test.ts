import { describe, expect, it } from "vitest";
import { readServerConfig } from "./server-schema";

const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db", RPC_URL: "http://127.0.0.1:8545" };

describe("readServerConfig", () => {
  it("applies defaults for the local chain", () => {
    const config = readServerConfig(base);
    expect(config.CHAIN_ID).toBe(31337);
    expect(config.PORT).toBe(3000);
    expect(config.SIWE_ALLOWED_DOMAINS).toEqual([]);
  });

  it("reads any EVM chain and a list of allowed sign-in domains", () => {
    const config = readServerConfig({
      ...base,
      CHAIN_ID: "161201",
      SIWE_ALLOWED_DOMAINS: "app.example.org, localhost:3000",
    });
    expect(config.CHAIN_ID).toBe(161201);
    expect(config.SIWE_ALLOWED_DOMAINS).toEqual(["app.example.org", "localhost:3000"]);
  });

  it("names every bad variable in one error", () => {
    expect(() => readServerConfig({ DATABASE_URL: "mysql://x", CHAIN_ID: "-1" })).toThrowError(
      /DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL[\s\S]*RPC_URL[\s\S]*CHAIN_ID/,
    );
  });
});
