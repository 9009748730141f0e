/**
 * Safetensors read/write (https://github.com/huggingface/safetensors): an 8-byte little-endian header length
 * N, N bytes of JSON header ({name: {dtype, shape, data_offsets}}, optional "__metadata__" string map,
 * padded with spaces to a multiple of 8), then the tensors' bytes, contiguous.
 */
import { open, rename, rm, writeFile } from "node:fs/promises";
import { decodeTensorBytes, encodeTensorData, inferDtype, type ReadOptions } from "./safetensors-codec";
import { SAFETENSORS_DTYPES, type SafeTensor, type SafetensorsDtype, type TensorInput } from "./safetensors-dtypes";
import {
  parseHeader,
  readHeaderLength,
  SafetensorsError,
  type SafetensorsHeader,
  type SafetensorsTensorInfo,
} from "./safetensors-header";

export type { Int64Mode, ReadOptions } from "./safetensors-codec";
export {
  DTYPE_SIZE,
  SAFETENSORS_DTYPES,
  type SafeTensor,
  type SafetensorsDtype,
  type TensorData,
  type TensorInput,
} from "./safetensors-dtypes";
export {
  bfloat16ToFloat32,
  float16ToFloat32,
  float32ToBfloat16,
  float32ToFloat16,
} from "./safetensors-float";
export {
  MAX_HEADER_LENGTH,
  SafetensorsError,
  type SafetensorsErrorCode,
  type SafetensorsHeader,
  type SafetensorsTensorInfo,
} from "./safetensors-header";

/** Tensors and metadata of a whole file. */
export interface SafetensorsContents {
  /** Tensors by name, in data order. */
  tensors: Map<string, SafeTensor>;
  /** The "__metadata__" string map ({} when absent). */
  metadata: Record<string, string>;
}

/** Options for {@link writeSafetensors}. */
export interface WriteOptions {
  /** Written as "__metadata__" (string values only). */
  metadata?: Record<string, string>;
  /**
   * Order of tensors in the file. "insertion" (default) keeps the caller's order; "reference" sorts like the
   * reference writer (dtype alignment descending, then name), giving byte-identical files.
   */
  order?: "insertion" | "reference";
}

/** Random access to a file's bytes: a Buffer in memory or an open file. */
interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    close: async () => {},
  };
}

async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset, length) {
        const out = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(out, done, length - done, offset + done);
          if (bytesRead === 0) throw new SafetensorsError("INCOMPLETE", `${path} ended early (was it truncated?)`);
          done += bytesRead;
        }
        return out;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readHeaderFrom(source: ByteSource): Promise<SafetensorsHeader> {
  const prefix = await source.read(0, Math.min(8, source.size));
  const length = readHeaderLength(prefix, source.size);
  return parseHeader(await source.read(8, length), source.size);
}

/**
 * A safetensors file opened lazily: the header is read and validated at once, each tensor's bytes only
 * when asked for. Close it when done (a no-op for in-memory bytes).
 */
export class SafetensorsFile {
  private readonly byName: Map<string, SafetensorsTensorInfo>;

  private constructor(
    private readonly source: ByteSource,
    /** The validated header. */
    readonly header: SafetensorsHeader,
  ) {
    this.byName = new Map(header.tensors.map((t) => [t.name, t]));
  }

  /** Opens a file path, or wraps bytes already in memory. Throws SafetensorsError on a malformed header. */
  static async open(source: string | Uint8Array): Promise<SafetensorsFile> {
    const bytes = typeof source === "string" ? await fileSource(source) : memorySource(source);
    try {
      return new SafetensorsFile(bytes, await readHeaderFrom(bytes));
    } catch (error) {
      await bytes.close();
      throw error;
    }
  }

  /** The "__metadata__" string map. */
  get metadata(): Record<string, string> {
    return this.header.metadata;
  }

  /** Tensor names in data order. */
  get names(): string[] {
    return this.header.tensors.map((t) => t.name);
  }

  /** Whether the file holds a tensor of that name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** A tensor's header entry; throws NOT_FOUND. */
  info(name: string): SafetensorsTensorInfo {
    const info = this.byName.get(name);
    if (!info) throw new SafetensorsError("NOT_FOUND", "not in this file", name);
    return info;
  }

  /** A tensor's raw little-endian bytes as stored (a view for in-memory files). */
  async readRaw(name: string): Promise<Uint8Array> {
    const { dataOffsets } = this.info(name);
    return this.source.read(this.header.dataStart + dataOffsets[0], dataOffsets[1] - dataOffsets[0]);
  }

  /** Reads and decodes one tensor (F16/BF16/F8 → float32). */
  async read(name: string, options: ReadOptions = {}): Promise<SafeTensor> {
    const info = this.info(name);
    const data = decodeTensorBytes(name, info.dtype, await this.readRaw(name), options);
    return { dtype: info.dtype, shape: [...info.shape], data };
  }

  /** Reads every tensor, or those `names` lists, in data order. */
  async readAll(options: ReadOptions & { names?: readonly string[] } = {}): Promise<Map<string, SafeTensor>> {
    const wanted = options.names ?? this.names;
    const out = new Map<string, SafeTensor>();
    for (const name of wanted) out.set(name, await this.read(name, options));
    return out;
  }

  /** Releases the file handle. */
  async close(): Promise<void> {
    await this.source.close();
  }
}

/** Opens a safetensors file (path) or bytes lazily; see {@link SafetensorsFile}. */
export function openSafetensors(source: string | Uint8Array): Promise<SafetensorsFile> {
  return SafetensorsFile.open(source);
}

/** Parses a whole safetensors buffer at once. */
export function readSafetensors(bytes: Uint8Array, options: ReadOptions = {}): SafetensorsContents {
  const length = readHeaderLength(bytes.subarray(0, 8), bytes.length);
  const header = parseHeader(bytes.subarray(8, 8 + length), bytes.length);
  const tensors = new Map<string, SafeTensor>();
  for (const info of header.tensors) {
    const [begin, end] = info.dataOffsets;
    const raw = bytes.subarray(header.dataStart + begin, header.dataStart + end);
    tensors.set(info.name, {
      dtype: info.dtype,
      shape: [...info.shape],
      data: decodeTensorBytes(info.name, info.dtype, raw, options),
    });
  }
  return { tensors, metadata: header.metadata };
}

/** Reads a whole safetensors file from disk. */
export async function loadSafetensors(path: string, options: ReadOptions = {}): Promise<SafetensorsContents> {
  const file = await SafetensorsFile.open(path);
  try {
    return { tensors: await file.readAll(options), metadata: file.metadata };
  } finally {
    await file.close();
  }
}

const DTYPE_RANK = new Map<SafetensorsDtype, number>(SAFETENSORS_DTYPES.map((d, i) => [d, i]));

/**
 * Serialises tensors to safetensors bytes: "__metadata__" first, then the tensors in file order, the header
 * padded with spaces so the data starts on an 8-byte boundary, as the reference writer does.
 */
export function writeSafetensors(
  tensors: ReadonlyMap<string, TensorInput> | Readonly<Record<string, TensorInput>>,
  options: WriteOptions = {},
): Uint8Array {
  const entries = tensors instanceof Map ? [...tensors.entries()] : Object.entries(tensors);
  const prepared = entries.map(([name, input]) => {
    if (name === "__metadata__" || name === "") {
      throw new SafetensorsError("INVALID_TENSOR", "reserved or empty tensor name", name);
    }
    const dtype = input.dtype ?? inferDtype(name, input.data);
    if (!DTYPE_RANK.has(dtype)) throw new SafetensorsError("UNKNOWN_DTYPE", `unknown dtype ${dtype}`, name);
    return { name, dtype, shape: [...input.shape], bytes: encodeTensorData(name, dtype, input) };
  });
  if (options.order === "reference") {
    prepared.sort(
      (a, b) =>
        (DTYPE_RANK.get(b.dtype) ?? 0) - (DTYPE_RANK.get(a.dtype) ?? 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  }
  if (options.metadata) {
    for (const [k, v] of Object.entries(options.metadata)) {
      if (typeof v !== "string")
        throw new SafetensorsError("INVALID_HEADER", `"__metadata__" value of "${k}" is not a string`);
    }
  }
  // Built by hand: a JS object would move integer-like tensor names ("0", "1") ahead of the others.
  const fields: string[] = options.metadata ? [`"__metadata__":${JSON.stringify(options.metadata)}`] : [];
  let offset = 0;
  for (const t of prepared) {
    const info = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    fields.push(`${JSON.stringify(t.name)}:${JSON.stringify(info)}`);
    offset += t.bytes.length;
  }
  const json = new TextEncoder().encode(`{${fields.join(",")}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let position = 8 + headerLength;
  for (const t of prepared) {
    out.set(t.bytes, position);
    position += t.bytes.length;
  }
  return out;
}

/** Writes a safetensors file atomically (to a temporary name, then renamed over `path`). */
export async function saveSafetensors(
  path: string,
  tensors: ReadonlyMap<string, TensorInput> | Readonly<Record<string, TensorInput>>,
  options: WriteOptions = {},
): Promise<void> {
  const bytes = writeSafetensors(tensors, options);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
