import { type AbiParameter, BaseError, ContractFunctionRevertedError } from "viem";
import { roleName } from "./abi-values";

/** What went wrong with a call or transaction, in words a developer can act on. */
export interface DescribedError {
  kind: "rejected" | "revert" | "chain" | "other";
  /** One line: the decoded custom error with its arguments, the revert reason, or viem's short message. */
  summary: string;
  /** The custom error's name when it was decoded from the ABI. */
  errorName?: string | undefined;
  /** Notes such as "0x00…00 is DEFAULT_ADMIN_ROLE". */
  hints: string[];
  /** viem's longer explanation, for a details disclosure. */
  details?: string | undefined;
}

const panicName: Record<number, string> = {
  1: "assert failed",
  17: "arithmetic overflow or underflow",
  18: "division or modulo by zero",
  33: "invalid enum value",
  34: "invalid storage byte array",
  49: "pop on an empty array",
  50: "array index out of bounds",
  65: "out of memory",
  81: "call to an uninitialised function",
};

/** An argument of a decoded error, written the way Solidity would: numbers in decimal, addresses in full. */
export function formatErrorArgument(value: unknown): string {
  if (typeof value === "bigint" || typeof value === "number") return value.toString();
  if (typeof value === "string") return value.startsWith("0x") ? value : JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}

/** `Name(arg, arg)` for a decoded custom error. */
export function formatErrorCall(errorName: string, args: readonly unknown[] | undefined): string {
  return `${errorName}(${(args ?? []).map(formatErrorArgument).join(", ")})`;
}

function roleHints(inputs: readonly AbiParameter[] | undefined, args: readonly unknown[] | undefined): string[] {
  const hints: string[] = [];
  for (const [index, value] of (args ?? []).entries()) {
    if (typeof value !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(value)) continue;
    const name = inputs?.[index]?.name;
    const role = roleName(value as `0x${string}`, name);
    if (role) hints.push(`${name ? `${name} ` : ""}${value.slice(0, 10)}… is ${role}`);
  }
  return hints;
}

const isRejection = (error: unknown): boolean => {
  const candidate = error as { code?: unknown; name?: unknown } | null;
  return candidate?.code === 4001 || candidate?.name === "UserRejectedRequestError";
};

/** Finds the first error in a cause chain that matches. */
function findInChain(error: unknown, match: (error: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (match(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns whatever viem or the wallet threw into a decoded, readable description. */
export function describeContractError(error: unknown): DescribedError {
  const details = error instanceof BaseError ? error.details || undefined : undefined;
  if (findInChain(error, isRejection)) {
    return { kind: "rejected", summary: "You rejected the request in your wallet.", hints: [] };
  }

  const reverted = findInChain(error, (e) => e instanceof ContractFunctionRevertedError) as
    | ContractFunctionRevertedError
    | undefined;
  if (reverted) {
    const data = reverted.data;
    if (data && data.errorName === "Panic") {
      const code = Number((data.args as readonly unknown[] | undefined)?.[0] ?? 0);
      return {
        kind: "revert",
        summary: `Panic(0x${code.toString(16).padStart(2, "0")}): ${panicName[code] ?? "unknown panic code"}`,
        errorName: "Panic",
        hints: [],
        details,
      };
    }
    if (data && data.errorName === "Error") {
      return { kind: "revert", summary: `Reverted: ${reverted.reason ?? ""}`.trim(), errorName: "Error", hints: [] };
    }
    if (data) {
      const inputs = data.abiItem && "inputs" in data.abiItem ? data.abiItem.inputs : undefined;
      return {
        kind: "revert",
        summary: formatErrorCall(data.errorName, data.args as readonly unknown[] | undefined),
        errorName: data.errorName,
        hints: roleHints(inputs, data.args as readonly unknown[] | undefined),
        details,
      };
    }
    if (reverted.signature) {
      return {
        kind: "revert",
        summary: `Reverted with an error not in this ABI (selector ${reverted.signature}).`,
        hints: [],
        details,
      };
    }
    if (reverted.reason && reverted.reason !== "execution reverted") {
      return { kind: "revert", summary: `Reverted: ${reverted.reason}`, hints: [], details };
    }
    return { kind: "revert", summary: "Reverted without a reason.", hints: [], details };
  }

  if (findInChain(error, (e) => (e as { name?: unknown })?.name === "ChainMismatchError")) {
    return { kind: "chain", summary: "Your wallet is on another chain: switch it to the app's chain.", hints: [] };
  }
  if (error instanceof BaseError) return { kind: "other", summary: error.shortMessage, hints: [], details };
  return { kind: "other", summary: error instanceof Error ? error.message : String(error), hints: [] };
}
