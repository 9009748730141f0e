import { decodeFunctionData, encodeFunctionData } from "viem";
import { describe, expect, it } from "vitest";
import { contractAbis } from "@/lib/chain/abis.generated";
import { baseModelId } from "./adapter-files";
import { pricePer1kSchema, publishModelArgs } from "./publish-args";

const hash = `0x${"ab".repeat(32)}` as const;

describe("publishModel arguments", () => {
  it("turns a run's adapter, lineage and price into the call's arguments", () => {
    const args = publishModelArgs({
      baseModel: "mf-prose-byte",
      adapterHash: hash,
      lineage: [
        { onchainId: "4", version: 1 },
        { onchainId: "7", version: 3 },
      ],
      pricePer1k: "0.25",
      metadataURI: "http://localhost:3000/models/m1",
    });
    expect(args).toEqual([
      baseModelId("mf-prose-byte"),
      hash,
      [
        { datanetId: 4n, version: 1 },
        { datanetId: 7n, version: 3 },
      ],
      250_000_000_000_000_000n,
      "http://localhost:3000/models/m1",
    ]);
    // The arguments fit the deployed contract's ABI, and survive encoding unchanged.
    const data = encodeFunctionData({ abi: contractAbis.ModelRegistry, functionName: "publishModel", args });
    expect(decodeFunctionData({ abi: contractAbis.ModelRegistry, data }).args).toEqual(args);
  });

  it("reads prices as OPEN with up to 18 decimals, free included, and refuses the rest by name", () => {
    expect(pricePer1kSchema.safeParse("0").success).toBe(true);
    expect(pricePer1kSchema.safeParse(" 12.000000000000000001 ").success).toBe(true);
    for (const bad of ["-1", "1e3", "0.1234567890123456789", "abc", "", "2000000"]) {
      const parsed = pricePer1kSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/^price: /);
    }
  });

  it("needs a real adapter hash and a registered Datanet for every lineage entry", () => {
    const base = { baseModel: "mf-prose-byte", pricePer1k: "1", metadataURI: "x", lineage: [] };
    expect(() => publishModelArgs({ ...base, adapterHash: `0x${"0".repeat(64)}` })).toThrow(/adapterHash/);
    expect(() => publishModelArgs({ ...base, adapterHash: "0x1234" })).toThrow(/adapterHash/);
    expect(() => publishModelArgs({ ...base, adapterHash: hash, lineage: [{ onchainId: null, version: 1 }] })).toThrow(
      /registered on-chain/,
    );
  });
});
