import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadSafetensors,
  openSafetensors,
  readSafetensors,
  SAFETENSORS_DTYPES,
  SafetensorsError,
  type SafetensorsErrorCode,
  saveSafetensors,
  type TensorInput,
  writeSafetensors,
} from "./safetensors";

/** A file assembled byte by byte per the spec: u64 LE header length, header text, data bytes. */
function handMade(header: string, data: number[], headerLength = header.length): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < 8; i++) bytes.push(Math.floor(headerLength / 2 ** (8 * i)) % 256);
  for (const ch of header) bytes.push(ch.charCodeAt(0));
  for (let i = header.length; i < headerLength; i++) bytes.push(0x20);
  bytes.push(...data);
  return Uint8Array.from(bytes);
}

/** The same bytes with a different declared header length. */
function declaring(headerLength: number, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  return out;
}

const F32_0_TO_5 = [0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ml-safetensors-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("byte layout (files built by hand per the spec)", () => {
  it("writes what the reference implementation writes", () => {
    // The reference's own serialization tests: an F32 [1,2,3] tensor whose header is exactly 64 bytes …
    const f32 = writeSafetensors({ "attn.0": { shape: [1, 2, 3], data: Float32Array.of(0, 1, 2, 3, 4, 5) } });
    expect(f32).toEqual(handMade('{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}', F32_0_TO_5));
    // … a 60-byte header padded with 4 spaces …
    const i32 = writeSafetensors({ test: { dtype: "I32", shape: [2, 2], data: new Int32Array(4) } });
    expect(i32).toEqual(
      handMade('{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}', new Array(16).fill(0), 64),
    );
    // … an empty file, and metadata first.
    expect(writeSafetensors({})).toEqual(handMade("{}", [], 8));
    expect(writeSafetensors({}, { metadata: { framework: "pt" } })).toEqual(
      handMade('{"__metadata__":{"framework":"pt"}}', [], 40),
    );
  });

  it("reads a hand-made file with every common dtype, misaligned data, unpadded header and keys out of order", () => {
    const header = JSON.stringify({
      w: { dtype: "F32", shape: [2], data_offsets: [31, 39] },
      mask: { dtype: "BOOL", shape: [3], data_offsets: [0, 3] },
      __metadata__: { format: "pt", note: "hand made" },
      half: { dtype: "F16", shape: [2, 2], data_offsets: [3, 11] },
      brain: { dtype: "BF16", shape: [2], data_offsets: [11, 15] },
      ids: { dtype: "I64", shape: [2], data_offsets: [15, 31] },
      i8: { dtype: "I8", shape: [2], data_offsets: [39, 41] },
      i32: { dtype: "I32", shape: [], data_offsets: [41, 45] },
      u8: { dtype: "U8", shape: [0, 4], data_offsets: [45, 45] },
    });
    const data = [
      ...[1, 0, 1], // mask
      ...[0x00, 0x3c, 0x00, 0xc1, 0xff, 0x7b, 0x01, 0x00], // half: 1, -2.5, 65504, 2^-24
      ...[0x80, 0x3f, 0x20, 0xc0], // brain: 1, -2.5
      ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 1, 0, 0], // ids: -1, 2^40
      ...[0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0], // w: 1, -2.5
      ...[0xff, 5], // i8: -1, 5
      ...[0xfe, 0xff, 0xff, 0xff], // i32: -2
    ];
    const { tensors, metadata } = readSafetensors(handMade(header, data));
    expect(metadata).toEqual({ format: "pt", note: "hand made" });
    expect([...tensors.keys()]).toEqual(["mask", "half", "brain", "ids", "w", "i8", "i32", "u8"]);
    expect(tensors.get("mask")?.data).toEqual(Uint8Array.of(1, 0, 1));
    expect(tensors.get("half")).toEqual({
      dtype: "F16",
      shape: [2, 2],
      data: Float32Array.of(1, -2.5, 65504, 2 ** -24),
    });
    expect(tensors.get("brain")?.data).toEqual(Float32Array.of(1, -2.5));
    expect(tensors.get("ids")?.data).toEqual(BigInt64Array.of(-1n, 2n ** 40n));
    expect(tensors.get("w")?.data).toEqual(Float32Array.of(1, -2.5));
    expect(tensors.get("i8")?.data).toEqual(Int8Array.of(-1, 5));
    expect(tensors.get("i32")).toEqual({ dtype: "I32", shape: [], data: Int32Array.of(-2) });
    expect(tensors.get("u8")).toEqual({ dtype: "U8", shape: [0, 4], data: new Uint8Array(0) });
    expect(readSafetensors(handMade(header, data), { int64: "number" }).tensors.get("ids")?.data).toEqual(
      Float64Array.of(-1, 2 ** 40),
    );
  });

  it("pads the header so data starts on an 8-byte boundary", () => {
    for (const name of ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"]) {
      const bytes = writeSafetensors({ [name]: { shape: [1], data: Float32Array.of(1) } });
      const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
      expect(n % 8).toBe(0);
      expect(bytes[8 + n - 1] === 0x7d || bytes[8 + n - 1] === 0x20).toBe(true);
    }
  });

  it("orders tensors like the reference writer on request (dtype alignment descending, then name)", () => {
    const tensors = {
      b: { shape: [1], data: Uint8Array.of(1) },
      a: { shape: [1], data: Float32Array.of(1) },
      c: { shape: [1], data: Float32Array.of(2) },
      d: { shape: [1], data: BigInt64Array.of(3n) },
    };
    expect([...readSafetensors(writeSafetensors(tensors)).tensors.keys()]).toEqual(["b", "a", "c", "d"]);
    expect([...readSafetensors(writeSafetensors(tensors, { order: "reference" })).tensors.keys()]).toEqual([
      "d",
      "a",
      "c",
      "b",
    ]);
  });
});

describe("round trips", () => {
  it("every dtype, with metadata, scalars and empty tensors", () => {
    const inputs: Record<string, TensorInput> = {
      bool: { dtype: "BOOL", shape: [2, 2], data: [true, false, false, true] },
      u8: { shape: [3], data: Uint8Array.of(0, 128, 255) },
      i8: { shape: [3], data: Int8Array.of(-128, 0, 127) },
      i16: { shape: [2], data: Int16Array.of(-32768, 32767) },
      u16: { shape: [2], data: Uint16Array.of(0, 65535) },
      i32: { shape: [2], data: Int32Array.of(-(2 ** 31), 2 ** 31 - 1) },
      u32: { shape: [2], data: Uint32Array.of(0, 2 ** 32 - 1) },
      i64: { shape: [2], data: BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n) },
      u64: { shape: [1], data: BigUint64Array.of(2n ** 64n - 1n) },
      f16: { dtype: "F16", shape: [4], data: Float32Array.of(1, -2.5, 65504, 2 ** -24) },
      bf16: { dtype: "BF16", shape: [3], data: Float32Array.of(1, -2.5, 3.140625) },
      f32: { shape: [2, 1], data: Float32Array.of(Math.PI, -0) },
      f64: { shape: [1], data: Float64Array.of(Math.PI) },
      e5m2: { dtype: "F8_E5M2", shape: [2], data: Uint8Array.of(0x3c, 0xc1) },
      e4m3: { dtype: "F8_E4M3", shape: [3], data: Uint8Array.of(0x38, 0xc2, 0x7f) },
      scalar: { shape: [], data: Float32Array.of(7) },
      empty: { dtype: "F16", shape: [0, 5], data: [] },
      numbers: { shape: [2], data: [0.5, 1.5] },
      ints: { dtype: "I64", shape: [2], data: [1, -2] },
    };
    const bytes = writeSafetensors(inputs, { metadata: { framework: "tfjs", note: "ünïcode ✓" } });
    const { tensors, metadata } = readSafetensors(bytes);
    expect(metadata).toEqual({ framework: "tfjs", note: "ünïcode ✓" });
    expect([...tensors.keys()]).toEqual(Object.keys(inputs));
    expect(tensors.get("bool")).toEqual({ dtype: "BOOL", shape: [2, 2], data: Uint8Array.of(1, 0, 0, 1) });
    for (const name of ["u8", "i8", "i16", "u16", "i32", "u32", "i64", "u64", "f64"]) {
      expect(tensors.get(name)?.data, name).toEqual(inputs[name]?.data);
    }
    expect(tensors.get("f16")?.data).toEqual(Float32Array.of(1, -2.5, 65504, 2 ** -24));
    expect(tensors.get("bf16")?.data).toEqual(Float32Array.of(1, -2.5, 3.140625));
    expect(tensors.get("f32")?.data).toEqual(Float32Array.of(Math.PI, -0));
    expect(tensors.get("e5m2")?.data).toEqual(Float32Array.of(1, -2.5));
    expect(tensors.get("e4m3")?.data).toEqual(Float32Array.of(1, -2.5, Number.NaN));
    expect(tensors.get("scalar")).toEqual({ dtype: "F32", shape: [], data: Float32Array.of(7) });
    expect(tensors.get("empty")).toEqual({ dtype: "F16", shape: [0, 5], data: new Float32Array(0) });
    expect(tensors.get("numbers")?.data).toEqual(Float32Array.of(0.5, 1.5));
    expect(tensors.get("ints")?.data).toEqual(BigInt64Array.of(1n, -2n));
    // Writing what was read gives the same bytes for exactly representable dtypes.
    expect(SAFETENSORS_DTYPES).toHaveLength(15);
  });

  it("keeps odd tensor names as keys", () => {
    const bytes = writeSafetensors({
      ["__proto__"]: { shape: [1], data: Float32Array.of(1) },
      "a.b-c/ü": { shape: [0], data: [] },
    });
    expect([...readSafetensors(bytes).tensors.keys()]).toEqual(["__proto__", "a.b-c/ü"]);
    // Integer-like names stay in data order in the header text too (a JS object would hoist them).
    const mapped = writeSafetensors(
      new Map<string, TensorInput>([
        ["layer", { shape: [1], data: Uint8Array.of(1) }],
        ["0", { shape: [1], data: Uint8Array.of(2) }],
      ]),
    );
    const text = new TextDecoder().decode(
      mapped.subarray(8, 8 + Number(new DataView(mapped.buffer).getBigUint64(0, true))),
    );
    expect(text.indexOf('"layer"')).toBeLessThan(text.indexOf('"0"'));
    expect([...readSafetensors(mapped).tensors.keys()]).toEqual(["layer", "0"]);
  });

  it("saves atomically, opens lazily, and reads only the tensors asked for", async () => {
    const file = path.join(root, "model.safetensors");
    await saveSafetensors(
      file,
      new Map<string, TensorInput>([
        ["first", { shape: [2], data: Float32Array.of(1, 2) }],
        ["second", { dtype: "BF16", shape: [2], data: Float32Array.of(3, 4) }],
      ]),
      { metadata: { step: "10" } },
    );
    expect((await readdir(root)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const opened = await openSafetensors(file);
    try {
      expect(opened.names).toEqual(["first", "second"]);
      expect(opened.metadata).toEqual({ step: "10" });
      expect(opened.info("second")).toEqual({ name: "second", dtype: "BF16", shape: [2], dataOffsets: [8, 12] });
      expect(await opened.readRaw("second")).toEqual(Uint8Array.of(0x40, 0x40, 0x80, 0x40));
      expect((await opened.read("first")).data).toEqual(Float32Array.of(1, 2));
      expect([...(await opened.readAll({ names: ["second"] })).keys()]).toEqual(["second"]);
      await expect(opened.read("third")).rejects.toMatchObject({ code: "NOT_FOUND", tensor: "third" });
    } finally {
      await opened.close();
    }
    const loaded = await loadSafetensors(file);
    expect(loaded.tensors.get("second")?.data).toEqual(Float32Array.of(3, 4));
    const inMemory = await openSafetensors(writeSafetensors({ x: { shape: [1], data: Int32Array.of(9) } }));
    expect((await inMemory.read("x")).data).toEqual(Int32Array.of(9));
  });
});

describe("corrupt files give specific errors", () => {
  const good = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
  const eight = [0, 0, 128, 63, 0, 0, 0, 64];

  function errorOf(bytes: Uint8Array): SafetensorsError {
    try {
      readSafetensors(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(SafetensorsError);
      return error as SafetensorsError;
    }
    throw new Error("expected a SafetensorsError");
  }

  const cases: Array<[string, Uint8Array, SafetensorsErrorCode, RegExp, string?]> = [
    ["fewer than 8 bytes", Uint8Array.of(1, 2, 3), "FILE_TOO_SMALL", /3 bytes/],
    [
      "header length beyond the file",
      declaring(500, handMade(good, eight)),
      "HEADER_OUT_OF_RANGE",
      /header length 500 runs past the end of the file \(70 bytes/,
    ],
    // 200,000,000 = 0x0BEBC200, little-endian.
    ["header length over 100 MB", Uint8Array.of(0x00, 0xc2, 0xeb, 0x0b, 0, 0, 0, 0, 0x7b), "HEADER_TOO_LARGE", /limit/],
    ["header not JSON", handMade("{oops", []), "INVALID_HEADER", /not valid JSON/],
    ["header not an object", handMade("[1,2]", []), "INVALID_HEADER", /start with "\{"/],
    ["header not UTF-8", Uint8Array.of(2, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0xff), "INVALID_HEADER", /UTF-8/],
    [
      "unknown dtype",
      handMade('{"w":{"dtype":"F7","shape":[2],"data_offsets":[0,8]}}', eight),
      "UNKNOWN_DTYPE",
      /tensor "w": unknown dtype "F7"/,
      "w",
    ],
    [
      "shape × dtype ≠ byte length",
      handMade('{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', eight),
      "SIZE_MISMATCH",
      /tensor "w": shape \[3\] × F32 \(4 bytes\) is 12 bytes, but data_offsets \[0, 8\] hold 8/,
      "w",
    ],
    [
      "offsets past the end",
      handMade('{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}', eight),
      "OFFSET_OUT_OF_RANGE",
      /tensor "w": .*past the data section \(8 bytes\)/,
      "w",
    ],
    [
      "overlapping tensors",
      handMade(
        '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
        eight,
      ),
      "OVERLAP",
      /tensor "b": .*overlap tensor "a"/,
      "b",
    ],
    [
      "a gap between tensors",
      handMade(
        '{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[2],"data_offsets":[6,8]}}',
        eight,
      ),
      "GAP",
      /tensor "b": .*gap after tensor "a"/,
      "b",
    ],
    ["trailing bytes", handMade(good, [...eight, 0, 0]), "INCOMPLETE", /2 trailing bytes/],
    [
      "reversed offsets",
      handMade('{"w":{"dtype":"U8","shape":[0],"data_offsets":[8,0]}}', eight),
      "INVALID_OFFSETS",
      /tensor "w"/,
      "w",
    ],
    [
      "negative shape",
      handMade('{"w":{"dtype":"U8","shape":[-8],"data_offsets":[0,8]}}', eight),
      "INVALID_SHAPE",
      /tensor "w"/,
      "w",
    ],
    [
      "non-string metadata",
      handMade(`{"__metadata__":{"step":10},${good.slice(1)}`, eight),
      "INVALID_HEADER",
      /"step" is not a string/,
    ],
  ];

  for (const [label, bytes, code, message, tensor] of cases) {
    it(label, () => {
      const error = errorOf(bytes);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.tensor).toBe(tensor);
    });
  }

  it("reports the same errors when opening a file from disk", async () => {
    const file = path.join(root, "corrupt.safetensors");
    await writeFile(file, handMade(good, [...eight, 0]));
    await expect(openSafetensors(file)).rejects.toMatchObject({ code: "INCOMPLETE" });
    await writeFile(file, declaring(50, handMade(good, eight)));
    await expect(openSafetensors(file)).rejects.toMatchObject({ code: "INVALID_HEADER" });
    await writeFile(file, declaring(99, handMade(good, eight)));
    await expect(openSafetensors(file)).rejects.toMatchObject({ code: "HEADER_OUT_OF_RANGE" });
  });

  it("refuses I64 values a JavaScript number cannot hold exactly", () => {
    const bytes = writeSafetensors({ big: { shape: [1], data: BigInt64Array.of(2n ** 60n) } });
    expect(() => readSafetensors(bytes, { int64: "number" })).toThrow(/tensor "big": element 0/);
  });

  it("refuses bad tensors when writing", () => {
    const write =
      (input: TensorInput, name = "t") =>
      () =>
        writeSafetensors({ [name]: input });
    expect(write({ shape: [3], data: Float32Array.of(1, 2) })).toThrow(/tensor "t": shape \[3\] has 3 elements/);
    expect(write({ dtype: "U8", shape: [1], data: [300] })).toThrow(/element 0 \(300\) is not a U8 integer/);
    expect(write({ dtype: "I32", shape: [1], data: [1.5] })).toThrow(SafetensorsError);
    expect(write({ dtype: "BOOL", shape: [1], data: [2] })).toThrow(/not a boolean/);
    expect(write({ dtype: "F8_E4M3", shape: [1], data: [1] })).toThrow(/raw bits/);
    expect(write({ shape: [1], data: [1] }, "__metadata__")).toThrow(/reserved/);
    expect(() => writeSafetensors({}, { metadata: { n: 1 as unknown as string } })).toThrow(/not a string/);
  });
});
