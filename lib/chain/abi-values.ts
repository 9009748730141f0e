import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Address,
  formatUnits,
  getAddress,
  type Hex,
  isAddress,
  keccak256,
  parseUnits,
  toFunctionSignature,
  toHex,
} from "viem";

/**
 * Pure helpers for a generic contract UI: turning what a person types into ABI-typed arguments,
 * and ABI-typed results back into something readable. No React, no network.
 */

export type Parsed<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------
// ABI shape

/** The view/pure functions (reads) and the state-changing ones (writes) of an ABI, by name. */
export function splitFunctions(abi: Abi): { reads: AbiFunction[]; writes: AbiFunction[] } {
  const functions = abi
    .filter((item): item is AbiFunction => item.type === "function")
    .sort((a, b) => a.name.localeCompare(b.name) || a.inputs.length - b.inputs.length);
  return {
    reads: functions.filter((fn) => fn.stateMutability === "view" || fn.stateMutability === "pure"),
    writes: functions.filter((fn) => fn.stateMutability === "nonpayable" || fn.stateMutability === "payable"),
  };
}

/** `name(type,…)`: unique within an ABI even where a name is overloaded. */
export function functionSignature(fn: AbiFunction): string {
  return toFunctionSignature(fn);
}

/** The function alone plus the ABI's custom errors: calls pick no wrong overload, reverts still decode. */
export function callAbi(abi: Abi, fn: AbiFunction): Abi {
  return [fn, ...abi.filter((item) => item.type === "error")];
}

/** A parameter's label: its name, or its position when the ABI leaves it unnamed. */
export function parameterLabel(param: AbiParameter, index: number): string {
  return param.name ? param.name : `#${index}`;
}

/** `T[]` or `T[k]` → { element type, fixed length or undefined }; undefined when not an array. */
export function arrayShape(type: string): { element: string; length: number | undefined } | undefined {
  const match = /^(.*)\[(\d*)\]$/.exec(type);
  if (!match) return undefined;
  return { element: match[1] ?? "", length: match[2] ? Number(match[2]) : undefined };
}

/** Arrays and tuples are entered as JSON; everything else as a single field. */
export function isJsonType(type: string): boolean {
  return type.startsWith("tuple") || arrayShape(type) !== undefined;
}

/** A parameter's type as Solidity writes it: tuples spelled out, e.g. `(uint256 datanetId, uint32 version)[]`. */
export function displayType(param: AbiParameter): string {
  if (!param.type.startsWith("tuple")) return param.type;
  const components = "components" in param ? (param.components ?? []) : [];
  const inner = components.map((c) => `${displayType(c)}${c.name ? ` ${c.name}` : ""}`).join(", ");
  return `(${inner})${param.type.slice("tuple".length)}`;
}

// ---------------------------------------------------------------------------------------------
// Input parsing

const intPattern = /^(u?)int(\d*)$/;
const bytesPattern = /^bytes(\d+)$/;
const hexPattern = /^0x[0-9a-fA-F]*$/;

/** The inclusive range of a Solidity integer type, or undefined when `type` is not one. */
export function intRange(type: string): { min: bigint; max: bigint; signed: boolean; bits: number } | undefined {
  const match = intPattern.exec(type);
  if (!match) return undefined;
  const signed = match[1] !== "u";
  const bits = match[2] ? Number(match[2]) : 256;
  if (bits < 8 || bits > 256 || bits % 8 !== 0) return undefined;
  return signed
    ? { min: -(2n ** BigInt(bits - 1)), max: 2n ** BigInt(bits - 1) - 1n, signed, bits }
    : { min: 0n, max: 2n ** BigInt(bits) - 1n, signed, bits };
}

function parseInteger(type: string, raw: string): Parsed<bigint> {
  const range = intRange(type);
  if (!range) return fail(`Unsupported integer type ${type}.`);
  const text = raw.trim().replace(/[_\s]/g, "");
  if (text === "") return fail("Required.");
  let value: bigint;
  if (/^-?\d+$/.test(text)) value = BigInt(text);
  else if (/^0x[0-9a-fA-F]+$/.test(text)) value = BigInt(text);
  else if (/^-?\d*\.\d+$/.test(text) || /^-?\d+\.\d*$/.test(text))
    return fail(`${type} takes whole numbers only. For a token amount, press ×10¹⁸ to convert ${text} to wei.`);
  else if (/^-?\d+(\.\d+)?e\d+$/i.test(text))
    return fail(`Write the number out in full (no exponent), or use ×10¹⁸ for 18-decimal amounts.`);
  else return fail(`Not a number: ${type} takes decimal digits, e.g. 1000.`);
  if (value < range.min)
    return fail(range.signed ? `Below the minimum of ${type} (${range.min}).` : `${type} cannot be negative.`);
  if (value > range.max) return fail(`Too large for ${type} (max ${range.max}).`);
  return ok(value);
}

function parseAddress(raw: string): Parsed<Address> {
  const text = raw.trim();
  if (text === "") return fail("Required.");
  if (!isAddress(text, { strict: false }))
    return fail(`Not an address: expected 0x followed by 40 hex characters (got ${text.length} characters).`);
  if (!isAddress(text, { strict: true }))
    return fail(
      "Checksum mismatch: the upper/lower case of this address is wrong. Check it, or paste it in lower case.",
    );
  return ok(getAddress(text));
}

function parseBytes(type: string, raw: string): Parsed<Hex> {
  const text = raw.trim();
  if (text === "") return fail("Required.");
  if (!hexPattern.test(text)) return fail("Hex only: 0x followed by hex digits (0-9, a-f).");
  const digits = text.length - 2;
  if (digits % 2 !== 0) return fail("Odd number of hex digits: each byte is two.");
  const fixed = bytesPattern.exec(type);
  if (fixed) {
    const size = Number(fixed[1]);
    if (digits !== size * 2)
      return fail(`${type} is exactly ${size} bytes: 0x + ${size * 2} hex digits (got ${digits}).`);
  }
  return ok(text.toLowerCase() as Hex);
}

function parseBool(raw: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (text === "true" || text === "1") return ok(true);
  if (text === "false" || text === "0") return ok(false);
  return fail("Choose true or false.");
}

/** One value of a non-array, non-tuple type from its text. */
export function parseScalar(type: string, raw: string): Parsed {
  if (type === "address") return parseAddress(raw);
  if (type === "bool") return parseBool(raw);
  if (type === "string") return ok(raw);
  if (type === "bytes" || bytesPattern.test(type)) return parseBytes(type, raw);
  if (intPattern.test(type)) return parseInteger(type, raw);
  return fail(`Unsupported type ${type}.`);
}

const at = (path: string, error: string) => (path ? `${path}: ${error}` : error);

/** Checks a JSON value against an ABI parameter and converts it to what viem encodes. */
export function coerceAbiValue(param: AbiParameter, value: unknown, path = ""): Parsed {
  const array = arrayShape(param.type);
  if (array) {
    if (!Array.isArray(value)) return fail(at(path, `expected a JSON array for ${displayType(param)}.`));
    if (array.length !== undefined && value.length !== array.length)
      return fail(at(path, `expected exactly ${array.length} items, got ${value.length}.`));
    const element = { ...param, type: array.element } as AbiParameter;
    const out: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const parsed = coerceAbiValue(element, item, `${path}[${index}]`);
      if (!parsed.ok) return parsed;
      out.push(parsed.value);
    }
    return ok(out);
  }
  if (param.type === "tuple") {
    const components = "components" in param ? (param.components ?? []) : [];
    const named = components.every((c) => c.name);
    const out: unknown[] = [];
    if (Array.isArray(value)) {
      if (value.length !== components.length)
        return fail(at(path, `expected ${components.length} fields, got ${value.length}.`));
      for (const [index, component] of components.entries()) {
        const parsed = coerceAbiValue(component, value[index], joinPath(path, component, index));
        if (!parsed.ok) return parsed;
        out.push(parsed.value);
      }
    } else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const [index, component] of components.entries()) {
        const key = component.name ?? String(index);
        if (!(key in record)) return fail(at(path, `missing field "${key}".`));
        const parsed = coerceAbiValue(component, record[key], joinPath(path, component, index));
        if (!parsed.ok) return parsed;
        out.push(parsed.value);
      }
      const unknown = Object.keys(record).filter((key) => !components.some((c, i) => (c.name ?? String(i)) === key));
      if (unknown.length > 0) return fail(at(path, `unknown field "${unknown[0]}".`));
    } else {
      return fail(at(path, `expected a JSON object or array for ${displayType(param)}.`));
    }
    // viem encodes a tuple from an object keyed by component name (or an array when unnamed).
    return ok(named ? Object.fromEntries(components.map((c, i) => [c.name, out[i]])) : out);
  }
  if (typeof value === "string") {
    const parsed = parseScalar(param.type, value);
    return parsed.ok ? parsed : fail(at(path, lowerFirst(parsed.error)));
  }
  if (typeof value === "number" && intPattern.test(param.type)) {
    if (!Number.isSafeInteger(value))
      return fail(at(path, `${value} is not an exact integer in JSON: put large numbers in quotes, e.g. "${value}".`));
    return parseScalar(param.type, String(value));
  }
  if (typeof value === "boolean" && param.type === "bool") return ok(value);
  return fail(at(path, `expected ${param.type}, got ${value === null ? "null" : typeof value}.`));
}

function joinPath(path: string, component: AbiParameter, index: number): string {
  const key = component.name ?? String(index);
  return path ? `${path}.${key}` : key;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One argument from the text typed for it: scalars as they are, arrays and tuples as JSON. */
export function parseAbiInput(param: AbiParameter, raw: string): Parsed {
  if (!isJsonType(param.type)) return parseScalar(param.type, raw);
  const text = raw.trim();
  if (text === "") return fail(`Required: ${displayType(param)} as JSON, e.g. ${exampleJson(param)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`Invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return coerceAbiValue(param, json);
}

/** Every argument of a function, or the error of each field that does not parse. */
export function parseArguments(
  inputs: readonly AbiParameter[],
  raws: readonly string[],
): { ok: true; args: unknown[] } | { ok: false; errors: (string | undefined)[] } {
  const results = inputs.map((param, index) => parseAbiInput(param, raws[index] ?? ""));
  if (results.every((result) => result.ok)) return { ok: true, args: results.map((result) => result.value) };
  return { ok: false, errors: results.map((result) => (result.ok ? undefined : result.error)) };
}

/** A JSON example of a parameter's shape, shown as a placeholder. */
export function exampleJson(param: AbiParameter): string {
  return JSON.stringify(exampleValue(param));
}

function exampleValue(param: AbiParameter): unknown {
  const array = arrayShape(param.type);
  if (array) {
    const element = exampleValue({ ...param, type: array.element } as AbiParameter);
    return Array.from({ length: array.length ?? 1 }, () => element);
  }
  if (param.type === "tuple") {
    const components = "components" in param ? (param.components ?? []) : [];
    if (components.every((c) => c.name)) return Object.fromEntries(components.map((c) => [c.name, exampleValue(c)]));
    return components.map(exampleValue);
  }
  if (param.type === "address") return "0x…";
  if (param.type === "bool") return true;
  if (param.type === "string") return "text";
  if (param.type === "bytes" || bytesPattern.test(param.type)) return "0x…";
  if (intPattern.test(param.type)) return "1";
  return null;
}

/** "1.5" → "1500000000000000000": a decimal amount in whole units, scaled to 18 decimals. */
export function scaleToWei(raw: string, decimals = 18): Parsed<string> {
  const text = raw.trim().replace(/[_\s,]/g, "");
  if (text === "") return fail("Type an amount first, e.g. 1.5.");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return fail(`Not a decimal number: ${text}.`);
  const fraction = text.split(".")[1] ?? "";
  if (fraction.length > decimals) return fail(`At most ${decimals} decimal places.`);
  return ok(parseUnits(text, decimals).toString());
}

/** The payable value field: an ETH amount in decimal, empty for none. */
export function parseEtherValue(raw: string): Parsed<bigint> {
  const text = raw.trim();
  if (text === "") return ok(0n);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return fail("An ETH amount in decimal, e.g. 0.01.");
  if ((text.split(".")[1] ?? "").length > 18) return fail("At most 18 decimal places.");
  return ok(parseUnits(text, 18));
}

// ---------------------------------------------------------------------------------------------
// Result formatting

export type DisplayValue =
  | { kind: "integer"; type: string; value: bigint }
  | { kind: "address"; value: Address }
  | { kind: "bool"; value: boolean }
  | { kind: "hex"; type: string; value: Hex; role?: string | undefined }
  | { kind: "string"; value: string }
  | { kind: "json"; type: string; value: string };

/** How to show one decoded value of `param`'s type; `context` (the function's name) helps name roles. */
export function describeValue(param: AbiParameter, value: unknown, context = ""): DisplayValue {
  const type = param.type;
  if (intPattern.test(type) && typeof value === "bigint") return { kind: "integer", type, value };
  if (intPattern.test(type) && typeof value === "number") return { kind: "integer", type, value: BigInt(value) };
  if (type === "address" && typeof value === "string") return { kind: "address", value: value as Address };
  if (type === "bool" && typeof value === "boolean") return { kind: "bool", value };
  if ((type === "bytes" || bytesPattern.test(type)) && typeof value === "string")
    return { kind: "hex", type, value: value as Hex, role: roleName(value as Hex, `${context} ${param.name ?? ""}`) };
  if (type === "string" && typeof value === "string") return { kind: "string", value };
  return { kind: "json", type: displayType(param), value: toPrettyJson(value) };
}

/** A contract call's result as one entry per output (viem returns a bare value for a single output). */
export function resultEntries(
  outputs: readonly AbiParameter[],
  result: unknown,
): { label: string; param: AbiParameter; value: unknown }[] {
  if (outputs.length === 0) return [];
  if (outputs.length === 1) {
    const param = outputs[0] as AbiParameter;
    return [{ label: param.name || param.type, param, value: result }];
  }
  const values = Array.isArray(result) ? result : outputs.map((_, index) => (result as unknown[] | undefined)?.[index]);
  return outputs.map((param, index) => ({ label: param.name || `#${index}`, param, value: values[index] }));
}

/** JSON with bigints as decimal strings, indented for reading. */
export function toPrettyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item), 2) ?? "undefined";
}

/** `0x7099…79C8`: the start and end of an address, enough to recognise it. */
export function shortenAddress(address: string, lead = 6, tail = 4): string {
  if (address.length <= lead + tail + 1) return address;
  return `${address.slice(0, lead)}…${address.slice(-tail)}`;
}

/** An 18-decimal amount for people: 1000000000000000000000 → "1,000", 1500000000000000000 → "1.5". */
export function formatTokenAmount(value: bigint, decimals = 18): string {
  const [whole = "0", fraction] = formatUnits(value, decimals).split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** The access-control roles the project's contracts use, by their bytes32 id. */
const knownRoles: Record<string, string> = Object.fromEntries([
  [`0x${"00".repeat(32)}`, "DEFAULT_ADMIN_ROLE"],
  ...[
    "OPERATOR_ROLE",
    "SETTLER_ROLE",
    "SLASHER_ROLE",
    "PROPOSER_ROLE",
    "EXECUTOR_ROLE",
    "CANCELLER_ROLE",
    "MINTER_ROLE",
    "PAUSER_ROLE",
  ].map((name) => [keccak256(toHex(name)), name]),
]);

/**
 * The name of a well-known role id (e.g. keccak256("OPERATOR_ROLE")), if it is one. The zero hash
 * is DEFAULT_ADMIN_ROLE only where `context` (a parameter or function name) speaks of a role: a
 * zero salt or root is just zero.
 */
export function roleName(value: Hex, context = ""): string | undefined {
  const name = knownRoles[value.toLowerCase()];
  if (name === "DEFAULT_ADMIN_ROLE" && !/role/i.test(context)) return undefined;
  return name;
}
