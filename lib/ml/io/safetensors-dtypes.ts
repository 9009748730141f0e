/** Safetensors dtypes: names, element sizes, and the typed arrays they read into. */

/** Every dtype of the safetensors format, in the reference implementation's order (increasing alignment). */
export const SAFETENSORS_DTYPES = [
  "BOOL",
  "U8",
  "I8",
  "F8_E5M2",
  "F8_E4M3",
  "I16",
  "U16",
  "F16",
  "BF16",
  "I32",
  "U32",
  "F32",
  "F64",
  "I64",
  "U64",
] as const;

/** A safetensors dtype name. */
export type SafetensorsDtype = (typeof SAFETENSORS_DTYPES)[number];

/** Bytes per element of each dtype. */
export const DTYPE_SIZE: Readonly<Record<SafetensorsDtype, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
};

/** Whether a string is a safetensors dtype name. */
export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === "string" && Object.hasOwn(DTYPE_SIZE, value);
}

/** The element arrays a tensor reads into or is written from. */
export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** A tensor read from a safetensors file. */
export interface SafeTensor {
  /** The dtype stored in the file. F16, BF16 and F8 data is converted to float32 on read. */
  dtype: SafetensorsDtype;
  /** Row-major shape; [] for a scalar. */
  shape: number[];
  /**
   * Float32Array for F32/F16/BF16/F8; Float64Array for F64 (and I64/U64 read as numbers); the matching
   * integer array otherwise; Uint8Array of 0/1 for BOOL; BigInt64Array/BigUint64Array for I64/U64 by default.
   */
  data: TensorData;
}

/** A tensor to write: `dtype` defaults from the data's array type (number[] → F32, boolean[] → BOOL). */
export interface TensorInput {
  dtype?: SafetensorsDtype;
  shape: readonly number[];
  data: TensorData | Uint8ClampedArray | readonly number[] | readonly boolean[] | readonly bigint[];
}

/** Number of elements of a shape (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
