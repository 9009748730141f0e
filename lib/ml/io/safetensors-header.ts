import { DTYPE_SIZE, isSafetensorsDtype, type SafetensorsDtype } from "./safetensors-dtypes";

/** What went wrong with a safetensors file or a tensor to write. */
export type SafetensorsErrorCode =
  | "FILE_TOO_SMALL"
  | "HEADER_TOO_LARGE"
  | "HEADER_OUT_OF_RANGE"
  | "INVALID_HEADER"
  | "UNKNOWN_DTYPE"
  | "INVALID_SHAPE"
  | "INVALID_OFFSETS"
  | "SIZE_MISMATCH"
  | "OFFSET_OUT_OF_RANGE"
  | "OVERLAP"
  | "GAP"
  | "INCOMPLETE"
  | "NOT_FOUND"
  | "INT64_RANGE"
  | "INVALID_TENSOR";

/** An error reading or writing safetensors; `tensor` names the tensor at fault when there is one. */
export class SafetensorsError extends Error {
  override readonly name = "SafetensorsError";
  constructor(
    readonly code: SafetensorsErrorCode,
    message: string,
    readonly tensor?: string,
  ) {
    super(tensor === undefined ? message : `tensor "${tensor}": ${message}`);
  }
}

/** The reference implementation refuses headers above 100 MB; so do we. */
export const MAX_HEADER_LENGTH = 100_000_000;

/** One tensor's entry in the header. */
export interface SafetensorsTensorInfo {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  /** [begin, end) byte offsets relative to the start of the data section. */
  dataOffsets: [number, number];
}

/** A parsed, validated header. */
export interface SafetensorsHeader {
  /** N: the header's byte length (the JSON and its padding). */
  headerLength: number;
  /** Absolute byte offset of the data section (8 + N). */
  dataStart: number;
  /** Byte length of the data section. */
  dataLength: number;
  /** Tensors in data order. */
  tensors: SafetensorsTensorInfo[];
  /** The "__metadata__" string map ({} when absent). */
  metadata: Record<string, string>;
}

/** Reads N from the first 8 bytes (u64 little-endian) and checks it against the file size. */
export function readHeaderLength(prefix: Uint8Array, fileSize: number): number {
  if (fileSize < 8 || prefix.length < 8) {
    throw new SafetensorsError("FILE_TOO_SMALL", `file is ${fileSize} bytes; a safetensors file has at least 8`);
  }
  const n = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_LENGTH)) {
    throw new SafetensorsError("HEADER_TOO_LARGE", `header length ${n} exceeds the ${MAX_HEADER_LENGTH}-byte limit`);
  }
  const length = Number(n);
  if (8 + length > fileSize) {
    throw new SafetensorsError(
      "HEADER_OUT_OF_RANGE",
      `header length ${length} runs past the end of the file (${fileSize} bytes, header would end at ${8 + length})`,
    );
  }
  return length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function parseEntry(name: string, raw: unknown): SafetensorsTensorInfo & { byteLength: number } {
  if (!isRecord(raw)) throw new SafetensorsError("INVALID_HEADER", "entry is not an object", name);
  const { dtype, shape, data_offsets: offsets } = raw;
  if (!isSafetensorsDtype(dtype)) {
    throw new SafetensorsError("UNKNOWN_DTYPE", `unknown dtype ${JSON.stringify(dtype)}`, name);
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SafetensorsError("INVALID_SHAPE", `shape ${JSON.stringify(shape)} is not a list of sizes`, name);
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
    offsets[0] > offsets[1]
  ) {
    throw new SafetensorsError("INVALID_OFFSETS", `data_offsets ${JSON.stringify(offsets)} is not [begin, end]`, name);
  }
  let count = 1;
  for (const d of shape as number[]) count *= d;
  const expected = count * DTYPE_SIZE[dtype];
  const [begin, end] = offsets as [number, number];
  if (!Number.isSafeInteger(expected) || expected !== end - begin) {
    throw new SafetensorsError(
      "SIZE_MISMATCH",
      `shape [${shape.join(", ")}] × ${dtype} (${DTYPE_SIZE[dtype]} bytes) is ${expected} bytes, but data_offsets [${begin}, ${end}] hold ${end - begin}`,
      name,
    );
  }
  return { name, dtype, shape: [...shape], dataOffsets: [begin, end], byteLength: end - begin };
}

/**
 * Parses and validates the header JSON (the N bytes after the length prefix) against the file size: UTF-8,
 * a JSON object starting with "{", a string-to-string "__metadata__", known dtypes, shape × dtype size equal
 * to each tensor's byte span, and tensors that tile the data section exactly (no overlap, gap or tail).
 */
export function parseHeader(headerBytes: Uint8Array, fileSize: number): SafetensorsHeader {
  const headerLength = headerBytes.length;
  const dataStart = 8 + headerLength;
  const dataLength = fileSize - dataStart;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(headerBytes);
  } catch {
    throw new SafetensorsError("INVALID_HEADER", "header is not valid UTF-8");
  }
  if (!text.startsWith("{")) throw new SafetensorsError("INVALID_HEADER", 'header does not start with "{"');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SafetensorsError("INVALID_HEADER", `header is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(json)) throw new SafetensorsError("INVALID_HEADER", "header is not a JSON object");

  let metadata: Record<string, string> = {};
  const entries: Array<SafetensorsTensorInfo & { byteLength: number }> = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === "__metadata__") {
      if (!isRecord(value)) throw new SafetensorsError("INVALID_HEADER", '"__metadata__" is not an object');
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== "string") {
          throw new SafetensorsError("INVALID_HEADER", `"__metadata__" value of "${k}" is not a string`);
        }
      }
      metadata = Object.fromEntries(Object.entries(value)) as Record<string, string>;
    } else {
      entries.push(parseEntry(key, value));
    }
  }
  entries.sort((a, b) => a.dataOffsets[0] - b.dataOffsets[0] || a.dataOffsets[1] - b.dataOffsets[1]);
  let previous: (typeof entries)[number] | undefined;
  let position = 0;
  for (const entry of entries) {
    const [begin, end] = entry.dataOffsets;
    if (end > dataLength) {
      throw new SafetensorsError(
        "OFFSET_OUT_OF_RANGE",
        `data_offsets [${begin}, ${end}] run past the data section (${Math.max(dataLength, 0)} bytes)`,
        entry.name,
      );
    }
    if (begin < position) {
      throw new SafetensorsError(
        "OVERLAP",
        `data_offsets [${begin}, ${end}] overlap tensor "${previous?.name}" (ends at ${position})`,
        entry.name,
      );
    }
    if (begin > position) {
      const after = previous ? `tensor "${previous.name}" (ends at ${position})` : "the start of the data section";
      throw new SafetensorsError("GAP", `data starts at ${begin}, leaving a gap after ${after}`, entry.name);
    }
    position = end;
    previous = entry;
  }
  if (position !== dataLength) {
    throw new SafetensorsError(
      "INCOMPLETE",
      `tensors cover ${position} bytes but the data section holds ${dataLength}: ${dataLength - position} trailing bytes`,
    );
  }
  const tensors = entries.map(({ byteLength: _, ...info }) => info);
  return { headerLength, dataStart, dataLength, tensors, metadata };
}
