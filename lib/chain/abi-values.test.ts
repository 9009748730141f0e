import type { Abi, AbiParameter } from "viem";
import { describe, expect, it } from "vitest";
import {
  arrayShape,
  callAbi,
  coerceAbiValue,
  describeValue,
  displayType,
  exampleJson,
  formatTokenAmount,
  functionSignature,
  parseAbiInput,
  parseArguments,
  parseEtherValue,
  resultEntries,
  roleName,
  scaleToWei,
  shortenAddress,
  splitFunctions,
  toPrettyJson,
} from "./abi-values";

const p = (type: string, name = "x"): AbiParameter => ({ type, name });
const checksummed = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const lineage: AbiParameter = {
  type: "tuple[]",
  name: "lineage",
  components: [
    { type: "uint256", name: "datanetId" },
    { type: "uint32", name: "version" },
  ],
};

const errorOf = (result: { ok: boolean; error?: string }) => (result.ok ? undefined : result.error);

describe("parseAbiInput: scalars", () => {
  it("checks address checksums and returns the checksummed form", () => {
    expect(parseAbiInput(p("address"), checksummed)).toEqual({ ok: true, value: checksummed });
    expect(parseAbiInput(p("address"), checksummed.toLowerCase())).toEqual({ ok: true, value: checksummed });
    expect(errorOf(parseAbiInput(p("address"), checksummed.replace("C51812", "c51812")))).toMatch(/Checksum mismatch/);
    expect(errorOf(parseAbiInput(p("address"), "0x1234"))).toMatch(/Not an address/);
    expect(errorOf(parseAbiInput(p("address"), ""))).toBe("Required.");
  });

  it("parses unsigned and signed integers in range", () => {
    expect(parseAbiInput(p("uint256"), "1000")).toEqual({ ok: true, value: 1000n });
    expect(parseAbiInput(p("uint256"), " 1_000_000 ")).toEqual({ ok: true, value: 1_000_000n });
    expect(parseAbiInput(p("uint64"), "0xff")).toEqual({ ok: true, value: 255n });
    expect(parseAbiInput(p("int8"), "-128")).toEqual({ ok: true, value: -128n });
    expect(errorOf(parseAbiInput(p("int8"), "128"))).toMatch(/Too large for int8/);
    expect(errorOf(parseAbiInput(p("uint8"), "256"))).toMatch(/Too large for uint8 \(max 255\)/);
    expect(errorOf(parseAbiInput(p("uint256"), "-1"))).toMatch(/cannot be negative/);
    expect(errorOf(parseAbiInput(p("uint256"), "1.5"))).toMatch(/whole numbers only.*×10¹⁸/);
    expect(errorOf(parseAbiInput(p("uint256"), "1e18"))).toMatch(/no exponent/);
    expect(errorOf(parseAbiInput(p("uint256"), "abc"))).toMatch(/Not a number/);
    expect(errorOf(parseAbiInput(p("uint256"), ""))).toBe("Required.");
    const max = (2n ** 256n - 1n).toString();
    expect(parseAbiInput(p("uint256"), max)).toEqual({ ok: true, value: 2n ** 256n - 1n });
  });

  it("validates bytes and fixed bytes as hex", () => {
    const hash = `0x${"ab".repeat(32)}`;
    expect(parseAbiInput(p("bytes32"), hash)).toEqual({ ok: true, value: hash });
    expect(parseAbiInput(p("bytes32"), hash.toUpperCase().replace("0X", "0x"))).toEqual({ ok: true, value: hash });
    expect(errorOf(parseAbiInput(p("bytes32"), "0x1234"))).toMatch(/exactly 32 bytes: 0x \+ 64 hex digits \(got 4\)/);
    expect(errorOf(parseAbiInput(p("bytes32"), `0x${"zz".repeat(32)}`))).toMatch(/Hex only/);
    expect(errorOf(parseAbiInput(p("bytes"), "0x123"))).toMatch(/Odd number/);
    expect(parseAbiInput(p("bytes"), "0x")).toEqual({ ok: true, value: "0x" });
  });

  it("takes strings verbatim and booleans as true/false", () => {
    expect(parseAbiInput(p("string"), "  ipfs://x ")).toEqual({ ok: true, value: "  ipfs://x " });
    expect(parseAbiInput(p("string"), "")).toEqual({ ok: true, value: "" });
    expect(parseAbiInput(p("bool"), "true")).toEqual({ ok: true, value: true });
    expect(parseAbiInput(p("bool"), "false")).toEqual({ ok: true, value: false });
    expect(errorOf(parseAbiInput(p("bool"), "yes"))).toMatch(/true or false/);
  });
});

describe("parseAbiInput: arrays and tuples as JSON", () => {
  it("parses arrays of scalars, numbers in quotes or not", () => {
    expect(parseAbiInput(p("uint256[]"), '["1", 2]')).toEqual({ ok: true, value: [1n, 2n] });
    expect(parseAbiInput(p("address[]"), JSON.stringify([checksummed.toLowerCase()]))).toEqual({
      ok: true,
      value: [checksummed],
    });
    expect(parseAbiInput(p("bool[2]"), "[true, false]")).toEqual({ ok: true, value: [true, false] });
  });

  it("explains where a value is wrong", () => {
    expect(errorOf(parseAbiInput(p("uint256[]"), '["1", "x"]'))).toBe(
      "[1]: not a number: uint256 takes decimal digits, e.g. 1000.",
    );
    expect(errorOf(parseAbiInput(p("uint256[2]"), "[1]"))).toBe("expected exactly 2 items, got 1.");
    expect(errorOf(parseAbiInput(p("uint256[]"), "[1e30]"))).toMatch(
      /not an exact integer in JSON: put large numbers in quotes/,
    );
    expect(errorOf(parseAbiInput(p("uint256[]"), "[1,"))).toMatch(/^Invalid JSON: /);
    expect(errorOf(parseAbiInput(p("uint256[]"), '{"a":1}'))).toMatch(/expected a JSON array/);
    expect(errorOf(parseAbiInput(p("uint256[]"), ""))).toMatch(/Required: uint256\[\] as JSON, e.g. \["1"\]/);
  });

  it("parses tuples from objects or positional arrays into viem's shape", () => {
    expect(parseAbiInput(lineage, '[{"datanetId": "1", "version": 2}, [3, 4]]')).toEqual({
      ok: true,
      value: [
        { datanetId: 1n, version: 2n },
        { datanetId: 3n, version: 4n },
      ],
    });
    expect(errorOf(parseAbiInput(lineage, '[{"datanetId": "1"}]'))).toBe('[0]: missing field "version".');
    expect(errorOf(parseAbiInput(lineage, '[{"datanetId": "1", "version": 1, "extra": 0}]'))).toBe(
      '[0]: unknown field "extra".',
    );
    expect(errorOf(parseAbiInput(lineage, '[{"datanetId": "1", "version": "-1"}]'))).toBe(
      "[0].version: uint32 cannot be negative.",
    );
  });

  it("coerces nested values and rejects mismatched types", () => {
    expect(coerceAbiValue(p("bool"), "x")).toEqual({ ok: false, error: "choose true or false." });
    expect(coerceAbiValue(p("address"), 5, "to")).toEqual({ ok: false, error: "to: expected address, got number." });
  });
});

describe("parseArguments", () => {
  it("returns every argument, or each field's error", () => {
    const inputs = [p("bytes32", "metadataHash"), p("string", "uri")];
    expect(parseArguments(inputs, [`0x${"11".repeat(32)}`, "ipfs://a"])).toEqual({
      ok: true,
      args: [`0x${"11".repeat(32)}`, "ipfs://a"],
    });
    const failed = parseArguments(inputs, ["0x11", "ipfs://a"]);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.errors[1]).toBeUndefined();
  });
});

describe("helpers", () => {
  it("scales decimal amounts to 18 decimals", () => {
    expect(scaleToWei("1")).toEqual({ ok: true, value: "1000000000000000000" });
    expect(scaleToWei("1.5")).toEqual({ ok: true, value: "1500000000000000000" });
    expect(scaleToWei("1,000")).toEqual({ ok: true, value: "1000000000000000000000" });
    expect(scaleToWei("0.000000000000000001")).toEqual({ ok: true, value: "1" });
    expect(errorOf(scaleToWei("0.0000000000000000001"))).toMatch(/At most 18/);
    expect(errorOf(scaleToWei("abc"))).toMatch(/Not a decimal/);
    expect(errorOf(scaleToWei(""))).toMatch(/Type an amount/);
  });

  it("parses the payable value in ETH", () => {
    expect(parseEtherValue("")).toEqual({ ok: true, value: 0n });
    expect(parseEtherValue("0.01")).toEqual({ ok: true, value: 10_000_000_000_000_000n });
    expect(errorOf(parseEtherValue("-1"))).toMatch(/ETH amount/);
  });

  it("formats 18-decimal amounts with grouping", () => {
    expect(formatTokenAmount(1_000_000_000n * 10n ** 18n)).toBe("1,000,000,000");
    expect(formatTokenAmount(1_500_000_000_000_000_000n)).toBe("1.5");
    expect(formatTokenAmount(1n)).toBe("0.000000000000000001");
    expect(formatTokenAmount(-1234n * 10n ** 18n)).toBe("-1,234");
  });

  it("shortens addresses", () => {
    expect(shortenAddress(checksummed)).toBe("0x7099…79C8");
    expect(shortenAddress("0x12")).toBe("0x12");
  });

  it("spells out tuple types and examples", () => {
    expect(displayType(lineage)).toBe("(uint256 datanetId, uint32 version)[]");
    expect(exampleJson(lineage)).toBe('[{"datanetId":"1","version":"1"}]');
    expect(exampleJson(p("address[2]"))).toBe('["0x…","0x…"]');
    expect(arrayShape("uint256[3][]")).toEqual({ element: "uint256[3]", length: undefined });
    expect(arrayShape("uint256")).toBeUndefined();
  });

  it("names well-known roles", () => {
    expect(roleName(`0x${"00".repeat(32)}`, "neededRole")).toBe("DEFAULT_ADMIN_ROLE");
    expect(roleName(`0x${"00".repeat(32)}`, "salt")).toBeUndefined();
    expect(roleName("0x97667070c54ef182b0f5858b034beac1b6f3089aa2d3188bb1e8929f4fa9b929")).toBe("OPERATOR_ROLE");
    expect(roleName(`0x${"11".repeat(32)}`)).toBeUndefined();
  });
});

describe("ABI shape and results", () => {
  const abi = [
    {
      type: "function",
      name: "totalSupply",
      inputs: [],
      outputs: [{ type: "uint256", name: "" }],
      stateMutability: "view",
    },
    {
      type: "function",
      name: "released",
      inputs: [{ type: "address", name: "token" }],
      outputs: [{ type: "uint256", name: "" }],
      stateMutability: "view",
    },
    {
      type: "function",
      name: "released",
      inputs: [],
      outputs: [{ type: "uint256", name: "" }],
      stateMutability: "view",
    },
    { type: "function", name: "deposit", inputs: [], outputs: [], stateMutability: "payable" },
    {
      type: "function",
      name: "approve",
      inputs: [p("address", "spender"), p("uint256", "value")],
      outputs: [],
      stateMutability: "nonpayable",
    },
    { type: "error", name: "ZeroAddress", inputs: [] },
    { type: "event", name: "Transfer", inputs: [], anonymous: false },
  ] as const satisfies Abi;

  it("splits reads from writes, sorted, overloads by arity", () => {
    const { reads, writes } = splitFunctions(abi);
    expect(reads.map(functionSignature)).toEqual(["released()", "released(address)", "totalSupply()"]);
    expect(writes.map(functionSignature)).toEqual(["approve(address,uint256)", "deposit()"]);
  });

  it("narrows the ABI to one function plus the errors", () => {
    const { writes } = splitFunctions(abi);
    expect(callAbi(abi, writes[0] as never).map((item) => item.type)).toEqual(["function", "error"]);
  });

  it("lists one entry per output", () => {
    expect(resultEntries([p("uint256", "")], 5n)).toEqual([{ label: "uint256", param: p("uint256", ""), value: 5n }]);
    expect(resultEntries([p("uint256", "amount"), p("uint64", "unlockAt")], [5n, 6n]).map((e) => e.label)).toEqual([
      "amount",
      "unlockAt",
    ]);
    expect(resultEntries([], undefined)).toEqual([]);
  });

  it("describes values by type", () => {
    expect(describeValue(p("uint256"), 5n)).toEqual({ kind: "integer", type: "uint256", value: 5n });
    expect(describeValue(p("uint8"), 5)).toEqual({ kind: "integer", type: "uint8", value: 5n });
    expect(describeValue(p("address"), checksummed)).toEqual({ kind: "address", value: checksummed });
    expect(describeValue(p("bool"), true)).toEqual({ kind: "bool", value: true });
    expect(describeValue(p("bytes32", ""), `0x${"00".repeat(32)}`, "DEFAULT_ADMIN_ROLE")).toMatchObject({
      kind: "hex",
      role: "DEFAULT_ADMIN_ROLE",
    });
    expect(describeValue(p("bytes32", "salt"), `0x${"00".repeat(32)}`, "eip712Domain")).toMatchObject({
      kind: "hex",
      role: undefined,
    });
    expect(describeValue(p("string"), "OPEN")).toEqual({ kind: "string", value: "OPEN" });
    expect(describeValue(lineage, [{ datanetId: 1n, version: 2 }])).toEqual({
      kind: "json",
      type: "(uint256 datanetId, uint32 version)[]",
      value: toPrettyJson([{ datanetId: "1", version: 2 }]),
    });
  });
});
