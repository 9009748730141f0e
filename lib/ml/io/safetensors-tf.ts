/** Bridges between safetensors tensors and tf.Tensor. */
import * as tf from "@tensorflow/tfjs";
import {
  readSafetensors,
  type SafeTensor,
  type SafetensorsDtype,
  SafetensorsError,
  type TensorInput,
  type WriteOptions,
  writeSafetensors,
} from "./safetensors";

const INT32_MAX = 2 ** 31 - 1;

function toInt32(name: string, data: ArrayLike<number | bigint>): Int32Array {
  if (data instanceof Int32Array) return data;
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    if (v > INT32_MAX || v < -INT32_MAX - 1) {
      throw new SafetensorsError("INT64_RANGE", `element ${i} (${data[i]}) does not fit tf's int32`, name);
    }
    out[i] = v;
  }
  return out;
}

/**
 * A tf.Tensor from a safetensors tensor: float dtypes (F16/BF16/F8/F64 included) → float32, BOOL → bool,
 * integer dtypes → int32 (U32/I64/U64 checked to fit).
 */
export function toTfTensor(tensor: SafeTensor, name = "tensor"): tf.Tensor {
  const { dtype, shape, data } = tensor;
  if (dtype === "BOOL") return tf.tensor(data as Uint8Array, shape, "bool");
  if (data instanceof Float32Array) return tf.tensor(data, shape, "float32");
  if (dtype === "F64") return tf.tensor(Float32Array.from(data as Float64Array), shape, "float32");
  return tf.tensor(toInt32(name, data as ArrayLike<number | bigint>), shape, "int32");
}

/**
 * A safetensors tensor from a tf.Tensor (awaits its data). float32 is written as F32 unless `dtype` says
 * F16/BF16/F64; int32 as I32 (or I64, …); bool as BOOL.
 */
export async function fromTfTensor(
  tensor: tf.Tensor,
  options: { dtype?: SafetensorsDtype; name?: string } = {},
): Promise<TensorInput> {
  const name = options.name ?? "tensor";
  const shape = [...tensor.shape];
  switch (tensor.dtype) {
    case "float32":
      return { dtype: options.dtype ?? "F32", shape, data: (await tensor.data()) as Float32Array };
    case "int32":
      return { dtype: options.dtype ?? "I32", shape, data: (await tensor.data()) as Int32Array };
    case "bool":
      return { dtype: options.dtype ?? "BOOL", shape, data: Uint8Array.from((await tensor.data()) as Uint8Array) };
    default:
      throw new SafetensorsError("INVALID_TENSOR", `tf dtype ${tensor.dtype} has no safetensors equivalent`, name);
  }
}

/** Serialises tf tensors to safetensors bytes; float32 tensors as `floatDtype` (default F32). */
export async function encodeTfTensors(
  tensors: ReadonlyMap<string, tf.Tensor> | Readonly<Record<string, tf.Tensor>>,
  options: WriteOptions & { floatDtype?: "F32" | "F16" | "BF16" } = {},
): Promise<Uint8Array> {
  const inputs = new Map<string, TensorInput>();
  const entries = tensors instanceof Map ? [...tensors.entries()] : Object.entries(tensors);
  for (const [name, tensor] of entries) {
    const dtype = tensor.dtype === "float32" ? (options.floatDtype ?? "F32") : undefined;
    inputs.set(name, await fromTfTensor(tensor, { name, ...(dtype ? { dtype } : {}) }));
  }
  return writeSafetensors(inputs, options);
}

/** Parses safetensors bytes into tf tensors (the caller disposes them). */
export function decodeTfTensors(bytes: Uint8Array): {
  tensors: Map<string, tf.Tensor>;
  metadata: Record<string, string>;
} {
  const { tensors, metadata } = readSafetensors(bytes);
  const out = new Map<string, tf.Tensor>();
  try {
    for (const [name, tensor] of tensors) out.set(name, toTfTensor(tensor, name));
  } catch (error) {
    for (const t of out.values()) t.dispose();
    throw error;
  }
  return { tensors: out, metadata };
}
