/**
 * Keccak-256 of 32- and 64-byte inputs in WebAssembly, for the Merkle builder: 64-bit lanes make the
 * permutation several times faster than any 32-bit JavaScript version. The module (~2.5 KB) is
 * assembled here from the Keccak-f[1600] definition — no binary blob — and compiled once, lazily.
 * Where WebAssembly is unavailable (or refuses a synchronous compile) `keccakWasm()` returns null
 * and callers use the JavaScript permutation in keccak.ts. Checked against viem in keccak.test.ts.
 */

/** Byte offsets inside every instance's memory. */
export const WASM_ROUND_CONSTANTS = 0; // 24 × u64
export const WASM_SCRATCH = 256; // free for callers up to WASM_HEAP
export const WASM_HEAP = 1024; // callers' data from here

export type KeccakWasm = {
  readonly memory: WebAssembly.Memory;
  /** keccak256(mem[inPtr .. inPtr + 32)) → mem[outPtr .. outPtr + 32). */
  readonly hash32: (inPtr: number, outPtr: number) => void;
  /** keccak256(mem[aPtr .. aPtr + 32) ‖ mem[bPtr .. bPtr + 32)) → mem[outPtr .. outPtr + 32). */
  readonly hashPair: (aPtr: number, bPtr: number, outPtr: number) => void;
  /** Two independent hashes per call (wasm SIMD), or null where SIMD is unavailable. */
  readonly x2: X2 | null;
};

export type X2 = {
  /** hash32 of in1 → out1 and of in2 → out2. */
  readonly hash32: (in1: number, in2: number, out1: number, out2: number) => void;
  /** hashPair(a1, b1) → out1 and hashPair(a2, b2) → out2. */
  readonly hashPair: (a1: number, b1: number, out1: number, a2: number, b2: number, out2: number) => void;
};

const ROUND_CONSTANTS = [
  0x0000000000000001n,
  0x0000000000008082n,
  0x800000000000808an,
  0x8000000080008000n,
  0x000000000000808bn,
  0x0000000080000001n,
  0x8000000080008081n,
  0x8000000000008009n,
  0x000000000000008an,
  0x0000000000000088n,
  0x0000000080008009n,
  0x000000008000000an,
  0x000000008000808bn,
  0x800000000000008bn,
  0x8000000000008089n,
  0x8000000000008003n,
  0x8000000000008002n,
  0x8000000000000080n,
  0x000000000000800an,
  0x800000008000000an,
  0x8000000080008081n,
  0x8000000000008080n,
  0x0000000080000001n,
  0x8000000080008008n,
];
/** ρ rotation of lane x + 5y. */
const RHO = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

const op = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Add: 0x6a,
  i32LtU: 0x49,
  i64Load: 0x29,
  i64Store: 0x37,
  i64And: 0x83,
  i64Xor: 0x85,
  i64Rotl: 0x89,
  loop: 0x03,
  brIf: 0x0d,
  end: 0x0b,
  void: 0x40,
} as const;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n;
    const done = (n === 0n && (byte & 0x40) === 0) || (n === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

/**
 * The shape of one generated function. `groups[g][w]` is the parameter holding the pointer to
 * way w's 32-byte input group g (input lanes 4g .. 4g + 3); `outs[w]` the pointer to way w's digest.
 * One way is the scalar permutation on i64 locals; two ways run two independent hashes side by
 * side in the i64x2 halves of v128 locals (wasm SIMD).
 */
type BodySpec = { params: number; groups: number[][]; outs: number[] };

const SIMD = 0xfd;
const simd = {
  splat: [SIMD, ...uleb(0x12)],
  extractLane: [SIMD, ...uleb(0x1d)],
  replaceLane: [SIMD, ...uleb(0x1e)],
  andnot: [SIMD, ...uleb(0x4f)],
  or: [SIMD, ...uleb(0x50)],
  xor: [SIMD, ...uleb(0x51)],
  shl: [SIMD, ...uleb(0xcb)],
  shrU: [SIMD, ...uleb(0xcd)],
};

/**
 * One function body: absorb the input groups, pad (0x01 after the data, 0x80 in byte 135), run
 * the 24 rounds, write 32 bytes per way. Locals after the params: round (i32, walks the round
 * constants 8 bytes at a time from 0), then lanes A0..A24, B0..B24, C0..C4, D.
 */
function keccakBody(spec: BodySpec): number[] {
  const ways = spec.outs.length;
  const vector = ways === 2;
  const round = spec.params;
  const lane = (i: number) => round + 1 + i;
  const rotated = (i: number) => round + 26 + i;
  const column = (i: number) => round + 51 + i;
  const d = round + 56;
  const code: number[] = [];
  const get = (l: number) => code.push(op.localGet, ...uleb(l));
  const set = (l: number) => code.push(op.localSet, ...uleb(l));
  const xor = () => code.push(...(vector ? simd.xor : [op.i64Xor]));
  /** Pushes rotl(local, r). */
  const rotl = (local: number, r: number) => {
    get(local);
    if (r === 0) return;
    if (!vector) {
      code.push(op.i64Const, ...sleb(BigInt(r)), op.i64Rotl);
      return;
    }
    code.push(op.i32Const, ...sleb(BigInt(r)), ...simd.shl);
    get(local);
    code.push(op.i32Const, ...sleb(BigInt(64 - r)), ...simd.shrU, ...simd.or);
  };
  /** Pushes an i64 (already on the stack) as the lane value of every way. */
  const broadcast = () => {
    if (vector) code.push(...simd.splat);
  };
  spec.groups.forEach((pointers, g) => {
    for (let k = 0; k < 4; k++) {
      get(pointers[0] as number);
      code.push(op.i64Load, 0, ...uleb(8 * k));
      broadcast();
      if (vector) {
        get(pointers[1] as number);
        code.push(op.i64Load, 0, ...uleb(8 * k), ...simd.replaceLane, 1);
      }
      set(lane(4 * g + k));
    }
  });
  code.push(op.i64Const, ...sleb(1n));
  broadcast();
  set(lane(4 * spec.groups.length));
  code.push(op.i64Const, ...sleb(-(1n << 63n)));
  broadcast();
  set(lane(16));
  code.push(op.loop, op.void);
  // θ
  for (let x = 0; x < 5; x++) {
    get(lane(x));
    for (let y = 1; y < 5; y++) {
      get(lane(x + 5 * y));
      xor();
    }
    set(column(x));
  }
  for (let x = 0; x < 5; x++) {
    get(column((x + 4) % 5));
    rotl(column((x + 1) % 5), 1);
    xor();
    set(d);
    for (let y = 0; y < 5; y++) {
      get(lane(x + 5 * y));
      get(d);
      xor();
      set(lane(x + 5 * y));
    }
  }
  // ρ and π
  for (let x = 0; x < 5; x++) {
    for (let y = 0; y < 5; y++) {
      rotl(lane(x + 5 * y), RHO[x + 5 * y] as number);
      set(rotated(y + 5 * ((2 * x + 3 * y) % 5)));
    }
  }
  // χ: A[x] = B[x] ^ (~B[x+1] & B[x+2])
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 5; x++) {
      get(rotated(x + 5 * y));
      if (vector) {
        get(rotated(((x + 2) % 5) + 5 * y));
        get(rotated(((x + 1) % 5) + 5 * y));
        code.push(...simd.andnot, ...simd.xor);
      } else {
        get(rotated(((x + 1) % 5) + 5 * y));
        code.push(op.i64Const, ...sleb(-1n), op.i64Xor);
        get(rotated(((x + 2) % 5) + 5 * y));
        code.push(op.i64And, op.i64Xor);
      }
      set(lane(x + 5 * y));
    }
  }
  // ι
  get(lane(0));
  get(round);
  code.push(op.i64Load, 3, ...uleb(WASM_ROUND_CONSTANTS));
  broadcast();
  xor();
  set(lane(0));
  get(round);
  code.push(op.i32Const, ...sleb(8n), op.i32Add);
  set(round);
  get(round);
  code.push(op.i32Const, ...sleb(BigInt(WASM_ROUND_CONSTANTS + 24 * 8)), op.i32LtU, op.brIf, 0, op.end);
  // Squeeze 32 bytes per way.
  spec.outs.forEach((out, w) => {
    for (let k = 0; k < 4; k++) {
      get(out);
      get(lane(k));
      if (vector) code.push(...simd.extractLane, w);
      code.push(op.i64Store, 0, ...uleb(8 * k));
    }
  });
  code.push(op.end);
  const locals = vec([
    [1, 0x7f],
    [56, vector ? 0x7b : 0x7e],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

const FUNCTIONS: { name: string; spec: BodySpec; simd: boolean }[] = [
  { name: "hash32", spec: { params: 2, groups: [[0]], outs: [1] }, simd: false },
  { name: "hashPair", spec: { params: 3, groups: [[0], [1]], outs: [2] }, simd: false },
  { name: "hash32x2", spec: { params: 4, groups: [[0, 1]], outs: [2, 3] }, simd: true },
  {
    name: "hashPairX2",
    spec: {
      params: 6,
      groups: [
        [0, 3],
        [1, 4],
      ],
      outs: [2, 5],
    },
    simd: true,
  },
];

function moduleBytes(withSimd: boolean): Uint8Array {
  const i32 = 0x7f;
  const fns = FUNCTIONS.filter((f) => withSimd || !f.simd);
  const types = section(1, vec(fns.map((f) => [0x60, ...vec(Array.from({ length: f.spec.params }, () => [i32])), 0])));
  const functions = section(3, vec(fns.map((_, i) => uleb(i))));
  const memory = section(5, vec([[0x00, 1]]));
  const exports = section(
    7,
    vec([[...name("memory"), 0x02, 0], ...fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])]),
  );
  const code = section(10, vec(fns.map((f) => keccakBody(f.spec))));
  const table: number[] = [];
  for (const rc of ROUND_CONSTANTS) for (let b = 0n; b < 64n; b += 8n) table.push(Number((rc >> b) & 0xffn));
  const data = section(
    11,
    vec([[0x00, op.i32Const, ...sleb(BigInt(WASM_ROUND_CONSTANTS)), op.end, ...vec(table.map((b) => [b]))]]),
  );
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([...header, ...types, ...functions, ...memory, ...exports, ...code, ...data]);
}

let compiled: Compiled | null | undefined;

/**
 * A fresh instance whose memory holds at least `bytes` bytes (its own memory, freed with it), or
 * null where WebAssembly cannot be used.
 */
export function keccakWasm(bytes: number, options: { simd?: boolean } = {}): KeccakWasm | null {
  if (compiled === undefined) compiled = compile(true) ?? compile(false);
  if (compiled === null) return null;
  if (options.simd === false && compiled.simd) {
    scalarOnly ??= compile(false);
    if (!scalarOnly) return null;
    return instantiate(scalarOnly, bytes);
  }
  return instantiate(compiled, bytes);
}

let scalarOnly: Compiled | null | undefined;

type Compiled = { module: WebAssembly.Module; simd: boolean };

/** Compiles the module with or without the SIMD functions; null where that fails. */
function compile(withSimd: boolean): Compiled | null {
  try {
    if (typeof WebAssembly !== "object") return null;
    return { module: new WebAssembly.Module(moduleBytes(withSimd) as BufferSource), simd: withSimd };
  } catch {
    return null;
  }
}

function instantiate(compiledModule: Compiled, bytes: number): KeccakWasm {
  const instance = new WebAssembly.Instance(compiledModule.module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pages = Math.ceil(bytes / 65536);
  if (pages > 1) memory.grow(pages - 1);
  return {
    memory,
    hash32: instance.exports.hash32 as KeccakWasm["hash32"],
    hashPair: instance.exports.hashPair as KeccakWasm["hashPair"],
    x2: compiledModule.simd
      ? {
          hash32: instance.exports.hash32x2 as X2["hash32"],
          hashPair: instance.exports.hashPairX2 as X2["hashPair"],
        }
      : null,
  };
}
