import {
  type Abi,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  UserRejectedRequestError,
} from "viem";
import { describe, expect, it } from "vitest";
import { describeContractError, formatErrorCall } from "./contract-errors";

const abi = [
  {
    type: "error",
    name: "AccessControlUnauthorizedAccount",
    inputs: [
      { type: "address", name: "account" },
      { type: "bytes32", name: "neededRole" },
    ],
  },
  { type: "error", name: "UnknownDatanet", inputs: [{ type: "uint256", name: "datanetId" }] },
  {
    type: "function",
    name: "setCooldown",
    inputs: [{ type: "uint64", name: "c" }],
    outputs: [],
    stateMutability: "nonpayable",
  },
] as const satisfies Abi;

const account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const adminRole = `0x${"00".repeat(32)}` as const;

function reverted(data: `0x${string}`) {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "setCooldown" });
  return new ContractFunctionExecutionError(cause, { abi, functionName: "setCooldown", args: [5n] });
}

describe("describeContractError", () => {
  it("decodes a custom error with its arguments and names known roles", () => {
    const data = encodeErrorResult({ abi, errorName: "AccessControlUnauthorizedAccount", args: [account, adminRole] });
    const described = describeContractError(reverted(data));
    expect(described).toMatchObject({
      kind: "revert",
      errorName: "AccessControlUnauthorizedAccount",
      summary: `AccessControlUnauthorizedAccount(${account}, ${adminRole})`,
      hints: ["neededRole 0x00000000… is DEFAULT_ADMIN_ROLE"],
    });
  });

  it("writes uint arguments in decimal", () => {
    const data = encodeErrorResult({ abi, errorName: "UnknownDatanet", args: [42n] });
    expect(describeContractError(reverted(data)).summary).toBe("UnknownDatanet(42)");
  });

  it("shows require reasons and panics", () => {
    const reason = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ type: "string", name: "message" }] }],
      errorName: "Error",
      args: ["not allowed"],
    });
    expect(describeContractError(reverted(reason)).summary).toBe("Reverted: not allowed");
    const panic = encodeErrorResult({
      abi: [{ type: "error", name: "Panic", inputs: [{ type: "uint256", name: "code" }] }],
      errorName: "Panic",
      args: [0x11n],
    });
    expect(describeContractError(reverted(panic)).summary).toBe("Panic(0x11): arithmetic overflow or underflow");
  });

  it("reports an error the ABI does not know by its selector", () => {
    expect(describeContractError(reverted("0xdeadbeef")).summary).toMatch(/not in this ABI \(selector 0xdeadbeef\)/);
  });

  it("recognises a rejection in the wallet, however deep", () => {
    const rejection = new UserRejectedRequestError(new Error("User denied transaction signature."));
    expect(describeContractError(rejection).kind).toBe("rejected");
    expect(describeContractError({ code: 4001, message: "denied" }).summary).toBe(
      "You rejected the request in your wallet.",
    );
    expect(describeContractError(new Error("wrapper", { cause: { code: 4001 } })).kind).toBe("rejected");
  });

  it("falls back to the message", () => {
    expect(describeContractError(new Error("boom"))).toEqual({ kind: "other", summary: "boom", hints: [] });
  });
});

describe("formatErrorCall", () => {
  it("writes Solidity-style calls", () => {
    expect(formatErrorCall("EmptyRoot", [])).toBe("EmptyRoot()");
    expect(formatErrorCall("X", [true, "text", [1n, 2n]])).toBe('X(true, "text", ["1","2"])');
  });
});
