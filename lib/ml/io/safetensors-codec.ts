import { elementCount, type SafetensorsDtype, type TensorData, type TensorInput } from "./safetensors-dtypes";
import {
  bfloat16ToFloat32,
  float8e4m3ToFloat32,
  float8e5m2ToFloat32,
  float16ToFloat32,
  float32ToBfloat16,
  float32ToFloat16,
} from "./safetensors-float";
import { SafetensorsError } from "./safetensors-header";

// Safetensors is little-endian and typed arrays use the platform's order: refuse to run where they differ.
if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
  throw new Error("lib/ml safetensors needs a little-endian platform");
}

/** How I64/U64 tensors are returned: as bigint arrays (exact), or as float64 numbers (checked to be exact). */
export type Int64Mode = "bigint" | "number";

/** Options for reading tensor data. */
export interface ReadOptions {
  /** Default "bigint". With "number", values beyond ±2^53 − 1 throw an INT64_RANGE error. */
  int64?: Int64Mode;
}

function int64AsNumbers(name: string, values: BigInt64Array | BigUint64Array): Float64Array {
  const out = new Float64Array(values.length);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as bigint;
    if (v > max || v < -max) {
      throw new SafetensorsError("INT64_RANGE", `element ${i} (${v}) does not fit a JavaScript number exactly`, name);
    }
    out[i] = Number(v);
  }
  return out;
}

/** Decodes one tensor's little-endian bytes (copied, so the result is aligned and owns its memory). */
export function decodeTensorBytes(
  name: string,
  dtype: SafetensorsDtype,
  bytes: Uint8Array,
  options: ReadOptions = {},
): TensorData {
  const buffer = bytes.slice().buffer;
  switch (dtype) {
    case "F32":
      return new Float32Array(buffer);
    case "F64":
      return new Float64Array(buffer);
    case "F16":
      return float16ToFloat32(new Uint16Array(buffer));
    case "BF16":
      return bfloat16ToFloat32(new Uint16Array(buffer));
    case "F8_E5M2":
      return float8e5m2ToFloat32(new Uint8Array(buffer));
    case "F8_E4M3":
      return float8e4m3ToFloat32(new Uint8Array(buffer));
    case "I8":
      return new Int8Array(buffer);
    case "U8":
    case "BOOL":
      return new Uint8Array(buffer);
    case "I16":
      return new Int16Array(buffer);
    case "U16":
      return new Uint16Array(buffer);
    case "I32":
      return new Int32Array(buffer);
    case "U32":
      return new Uint32Array(buffer);
    case "I64":
      return options.int64 === "number" ? int64AsNumbers(name, new BigInt64Array(buffer)) : new BigInt64Array(buffer);
    case "U64":
      return options.int64 === "number" ? int64AsNumbers(name, new BigUint64Array(buffer)) : new BigUint64Array(buffer);
  }
}

/** The dtype a tensor's data implies when none is given. */
export function inferDtype(name: string, data: TensorInput["data"]): SafetensorsDtype {
  if (data instanceof Float32Array) return "F32";
  if (data instanceof Float64Array) return "F64";
  if (data instanceof Int8Array) return "I8";
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return "U8";
  if (data instanceof Int16Array) return "I16";
  if (data instanceof Uint16Array) return "U16";
  if (data instanceof Int32Array) return "I32";
  if (data instanceof Uint32Array) return "U32";
  if (data instanceof BigInt64Array) return "I64";
  if (data instanceof BigUint64Array) return "U64";
  if (Array.isArray(data)) {
    if (data.length > 0 && typeof data[0] === "boolean") return "BOOL";
    if (data.length > 0 && typeof data[0] === "bigint") return "I64";
    return "F32";
  }
  throw new SafetensorsError("INVALID_TENSOR", "data is not a typed array or an array", name);
}

type IntArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor;

const INT_RANGES: Record<string, [IntArrayCtor, number, number]> = {
  I8: [Int8Array, -128, 127],
  U8: [Uint8Array, 0, 255],
  I16: [Int16Array, -32768, 32767],
  U16: [Uint16Array, 0, 65535],
  I32: [Int32Array, -2147483648, 2147483647],
  U32: [Uint32Array, 0, 4294967295],
};

function toNumber(name: string, value: unknown, index: number): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new SafetensorsError("INVALID_TENSOR", `element ${index} is not a number`, name);
}

function checkedIntegers(name: string, dtype: string, data: ArrayLike<unknown>): TensorData {
  const [Ctor, min, max] = INT_RANGES[dtype] as [IntArrayCtor, number, number];
  if (data instanceof Ctor) return data;
  const out = new Ctor(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = toNumber(name, data[i], i);
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new SafetensorsError("INVALID_TENSOR", `element ${i} (${v}) is not a ${dtype} integer`, name);
    }
    out[i] = v;
  }
  return out;
}

function checkedBigInts(name: string, dtype: "I64" | "U64", data: ArrayLike<unknown>): TensorData {
  if (dtype === "I64" && data instanceof BigInt64Array) return data;
  if (dtype === "U64" && data instanceof BigUint64Array) return data;
  const out = dtype === "I64" ? new BigInt64Array(data.length) : new BigUint64Array(data.length);
  const [min, max] = dtype === "I64" ? [-(2n ** 63n), 2n ** 63n - 1n] : [0n, 2n ** 64n - 1n];
  for (let i = 0; i < data.length; i++) {
    const raw = data[i];
    let v: bigint;
    if (typeof raw === "bigint") v = raw;
    else {
      const n = toNumber(name, raw, i);
      if (!Number.isSafeInteger(n)) {
        throw new SafetensorsError("INVALID_TENSOR", `element ${i} (${n}) is not an exact ${dtype} integer`, name);
      }
      v = BigInt(n);
    }
    if (v < min || v > max)
      throw new SafetensorsError("INVALID_TENSOR", `element ${i} (${v}) overflows ${dtype}`, name);
    out[i] = v;
  }
  return out;
}

function asFloat32(name: string, data: ArrayLike<unknown>): Float32Array {
  if (data instanceof Float32Array) return data;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = toNumber(name, data[i], i);
  return out;
}

function bytesOf(data: TensorData): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Encodes a tensor's data as the little-endian bytes of `dtype`, checking the element count against the
 * shape. F16/BF16 accept float values (rounded to nearest even) or a Uint16Array of raw bits; F8 accepts
 * only a Uint8Array of raw bits; integer dtypes check every value fits.
 */
export function encodeTensorData(name: string, dtype: SafetensorsDtype, input: TensorInput): Uint8Array {
  const { data, shape } = input;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SafetensorsError("INVALID_SHAPE", `shape ${JSON.stringify(shape)} is not a list of sizes`, name);
  }
  const count = elementCount(shape);
  if (data.length !== count) {
    throw new SafetensorsError(
      "SIZE_MISMATCH",
      `shape [${shape.join(", ")}] has ${count} elements but the data has ${data.length}`,
      name,
    );
  }
  const values = data as ArrayLike<unknown>;
  switch (dtype) {
    case "F32":
      return bytesOf(asFloat32(name, values));
    case "F64":
      return bytesOf(data instanceof Float64Array ? data : Float64Array.from(values, (v, i) => toNumber(name, v, i)));
    case "F16":
    case "BF16": {
      if (data instanceof Uint16Array) return bytesOf(data);
      const floats = asFloat32(name, values);
      return bytesOf(dtype === "F16" ? float32ToFloat16(floats) : float32ToBfloat16(floats));
    }
    case "F8_E5M2":
    case "F8_E4M3":
      if (data instanceof Uint8Array) return data;
      throw new SafetensorsError("INVALID_TENSOR", `${dtype} is written from a Uint8Array of raw bits only`, name);
    case "BOOL": {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) {
        const v = toNumber(name, values[i], i);
        if (v !== 0 && v !== 1)
          throw new SafetensorsError("INVALID_TENSOR", `element ${i} (${v}) is not a boolean`, name);
        out[i] = v;
      }
      return out;
    }
    case "I64":
    case "U64":
      return bytesOf(checkedBigInts(name, dtype, values));
    default:
      return bytesOf(checkedIntegers(name, dtype, values));
  }
}
