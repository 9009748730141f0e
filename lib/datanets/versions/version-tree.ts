import type { Address, Hex } from "viem";
import { DomainError } from "@/lib/errors";
import { hexInto, hexOf } from "./hex";
import { keccak256Into } from "./keccak";
import { buildMerkleCore, findLeaf, type MerkleCore, processProof, proofAtTreeIndex, rootOf } from "./merkle-core";
import type { WorkspaceOptions } from "./workspace";

/** One row of a version as the chain sees it: who contributed it and its row hash. */
export type VersionLeaf = { contributor: Address; rowHash: Hex };

/**
 * A published version's Merkle tree. `root` is what DatanetRegistry.addVersion registers;
 * `proof` is what DatanetRegistry.verifyContribution(datanetId, version, contributor, rowHash, proof)
 * accepts. Identical (root, proofs) to StandardMerkleTree.of(values, ["address", "bytes32"]).
 */
export type VersionTree = {
  readonly root: Hex;
  readonly leafCount: number;
  /** The proof for the leaf at this input position, or for this leaf (the last one, if repeated). */
  proof(leaf: number | VersionLeaf): Hex[];
};

const HASH = 32;

function invalidLeaf(leaf: VersionLeaf, position: number): DomainError {
  return new DomainError(
    "invalid_leaf",
    "A version leaf needs a 20-byte hex contributor and a 32-byte hex rowHash",
    400,
    {
      position,
      contributor: leaf.contributor,
      rowHash: leaf.rowHash,
    },
  );
}

/** abi.encode(address, bytes32) into bytes[at .. at + 64): 12 zero bytes, the address, the row hash. */
function writeLeaf(leaf: VersionLeaf, position: number, bytes: Uint8Array, at: number): void {
  bytes.fill(0, at, at + 12);
  if (!hexInto(leaf.contributor, 20, bytes, at + 12) || !hexInto(leaf.rowHash, HASH, bytes, at + HASH)) {
    throw invalidLeaf(leaf, position);
  }
}

/** The leaf hash as bytes, with the JS permutation (no workspace needed). */
function leafHashBytes(leaf: VersionLeaf, position: number): Uint8Array {
  const buf = new Uint8Array(3 * HASH);
  writeLeaf(leaf, position, buf, 0);
  keccak256Into(buf, 0, 2 * HASH, buf, 2 * HASH);
  keccak256Into(buf, 2 * HASH, HASH, buf, 0);
  return buf.subarray(0, HASH);
}

/** The contract's leaf hash for (contributor, rowHash). */
export function versionLeafHash(leaf: VersionLeaf): Hex {
  return hexOf(leafHashBytes(leaf, 0));
}

/** The counts DatanetRegistry.addVersion records: rows, and distinct contributors (case-insensitive). */
export function versionCounts(leaves: readonly VersionLeaf[]): { rowCount: number; contributorCount: number } {
  const contributors = new Set<string>();
  for (const leaf of leaves) contributors.add(leaf.contributor.toLowerCase());
  return { rowCount: leaves.length, contributorCount: contributors.size };
}

/** Builds the version tree; throws DomainError "empty_version" for no leaves, "invalid_leaf" for bad hex. */
export function buildVersionTree(leaves: readonly VersionLeaf[], options: WorkspaceOptions = {}): VersionTree {
  const n = leaves.length;
  if (n === 0) throw new DomainError("empty_version", "A version needs at least one row", 400);
  const core: MerkleCore = buildMerkleCore(
    { count: n, preimageBytes: 64, write: (i, bytes, at) => writeLeaf(leaves[i] as VersionLeaf, i, bytes, at) },
    options,
  );
  const root = rootOf(core);
  return {
    root,
    leafCount: n,
    proof(leaf) {
      let position: number;
      if (typeof leaf === "number") {
        position = leaf;
      } else {
        position = findLeaf(core, leafHashBytes(leaf, -1));
        if (position < 0) throw new DomainError("leaf_not_in_version", "This row is not in the version", 404, { leaf });
      }
      if (!Number.isInteger(position) || position < 0 || position >= n) {
        throw new RangeError(`Leaf position ${position} is outside 0..${n - 1}`);
      }
      return proofAtTreeIndex(core, core.treeIndexOf[position] as number);
    },
  };
}

/** Whether `proof` proves (contributor, rowHash) under `root`, exactly as verifyContribution checks it. */
export function verifyLeafProof(root: Hex, leaf: VersionLeaf, proof: readonly Hex[]): boolean {
  let hash: Uint8Array;
  try {
    hash = leafHashBytes(leaf, 0);
  } catch {
    return false;
  }
  const computed = processProof(hash, proof);
  return computed !== null && hexOf(computed) === root.toLowerCase();
}
