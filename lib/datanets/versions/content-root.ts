import type { Hex } from "viem";
import { DomainError } from "@/lib/errors";
import { hexInto, hexOf } from "./hex";
import { keccak256Into } from "./keccak";
import { buildMerkleCore, type MerkleCore, processProof, proofAtTreeIndex, rootOf } from "./merkle-core";
import type { WorkspaceOptions } from "./workspace";

/**
 * A contribution's content root, the value the contributor signs (EIP-712 `contentRoot`):
 * the root of StandardMerkleTree.of(rowHashes.map((h) => [h]), ["bytes32"]) over the contribution's
 * row hashes in the order given (the order the rows were parsed). Each leaf is
 * keccak256(bytes.concat(keccak256(abi.encode(bytes32 rowHash)))); the tree sorts its leaves, so the
 * root does not depend on the order, but a repeated row hash changes it (duplicates are kept).
 * Throws DomainError "empty_contribution" for no rows, "invalid_row_hash" for a value that is not
 * 32 bytes of hex.
 */
export function contentRoot(rowHashes: readonly Hex[], options: WorkspaceOptions = {}): Hex {
  return rootOf(contentCore(rowHashes, options));
}

/** The content tree's proof for row `index` (for a contributor who wants to show one row was in it). */
export function contentProof(rowHashes: readonly Hex[], index: number): Hex[] {
  if (!Number.isInteger(index) || index < 0 || index >= rowHashes.length) {
    throw new RangeError(`Row index ${index} is outside 0..${rowHashes.length - 1}`);
  }
  const core = contentCore(rowHashes, {});
  return proofAtTreeIndex(core, core.treeIndexOf[index] as number);
}

/** Whether `proof` proves `rowHash` under a content root. */
export function verifyContentProof(root: Hex, rowHash: Hex, proof: readonly Hex[]): boolean {
  const leaf = new Uint8Array(64);
  if (!hexInto(rowHash, 32, leaf, 0)) return false;
  keccak256Into(leaf, 0, 32, leaf, 32);
  keccak256Into(leaf, 32, 32, leaf, 0);
  const computed = processProof(leaf, proof);
  return computed !== null && hexOf(computed) === root.toLowerCase();
}

function contentCore(rowHashes: readonly Hex[], options: WorkspaceOptions): MerkleCore {
  const n = rowHashes.length;
  if (n === 0) throw new DomainError("empty_contribution", "A contribution needs at least one row", 400);
  return buildMerkleCore(
    {
      count: n,
      preimageBytes: 32,
      write(i, bytes, at) {
        const h = rowHashes[i] as Hex;
        if (!hexInto(h, 32, bytes, at)) {
          throw new DomainError("invalid_row_hash", "A row hash is not 32 bytes of hex", 400, { index: i, rowHash: h });
        }
      },
    },
    options,
  );
}
