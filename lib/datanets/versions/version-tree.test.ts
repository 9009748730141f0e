import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type Address, encodeAbiParameters, type Hex, keccak256, numberToHex } from "viem";
import { describe, expect, it } from "vitest";
import { contentProof, contentRoot, verifyContentProof } from "./content-root";
import { buildVersionTree, type VersionLeaf, verifyLeafProof, versionCounts, versionLeafHash } from "./version-tree";

/** Deterministic leaves: a handful of contributors, distinct row hashes. */
function makeLeaves(n: number, contributors = 5): VersionLeaf[] {
  return Array.from({ length: n }, (_, i) => ({
    contributor: `0x${keccak256(numberToHex(i % contributors)).slice(26)}` as Address,
    rowHash: keccak256(numberToHex(i, { size: 32 })),
  }));
}

function ozTree(leaves: VersionLeaf[]) {
  return StandardMerkleTree.of(
    leaves.map((l) => [l.contributor, l.rowHash]),
    ["address", "bytes32"],
  );
}

describe("buildVersionTree", () => {
  for (const n of [1, 2, 3, 7, 100, 1000]) {
    it(`matches StandardMerkleTree's root and every proof for ${n} leaves`, () => {
      const leaves = makeLeaves(n);
      const ours = buildVersionTree(leaves);
      const theirs = ozTree(leaves);
      expect(ours.root).toBe(theirs.root);
      expect(ours.leafCount).toBe(n);
      for (let i = 0; i < n; i++) {
        const proof = ours.proof(i);
        expect(proof).toEqual(theirs.getProof(i));
        expect(ours.proof(leaves[i] as VersionLeaf)).toEqual(proof);
        expect(verifyLeafProof(ours.root, leaves[i] as VersionLeaf, proof)).toBe(true);
      }
    });
  }

  it("gives the same root and proofs with scalar wasm and with the JavaScript permutation", () => {
    const leaves = makeLeaves(257);
    const wasm = buildVersionTree(leaves);
    const js = buildVersionTree(leaves, { wasm: false });
    const scalar = buildVersionTree(leaves, { simd: false });
    expect(scalar.root).toBe(wasm.root);
    for (const i of [0, 1, 255, 256]) expect(scalar.proof(i)).toEqual(wasm.proof(i));
    expect(js.root).toBe(wasm.root);
    expect(js.root).toBe(ozTree(leaves).root);
    for (const i of [0, 100, 256]) expect(js.proof(i)).toEqual(wasm.proof(i));
    const rowHashes = leaves.map((l) => l.rowHash);
    expect(contentRoot(rowHashes, { wasm: false })).toBe(contentRoot(rowHashes));
    expect(contentRoot(rowHashes, { simd: false })).toBe(contentRoot(rowHashes));
  });

  it("counts rows and distinct contributors", () => {
    const leaves = makeLeaves(12, 5);
    const upper = {
      ...(leaves[0] as VersionLeaf),
      contributor: (leaves[0] as VersionLeaf).contributor.toUpperCase() as Address,
    };
    expect(versionCounts([...leaves, upper])).toEqual({ rowCount: 13, contributorCount: 5 });
  });

  it("hashes leaves like the contract: keccak256(bytes.concat(keccak256(abi.encode(address, bytes32))))", () => {
    const leaf = makeLeaves(1)[0] as VersionLeaf;
    const inner = keccak256(
      encodeAbiParameters([{ type: "address" }, { type: "bytes32" }], [leaf.contributor, leaf.rowHash]),
    );
    expect(versionLeafHash(leaf)).toBe(keccak256(inner));
  });

  it("accepts checksummed and upper-case hex the same as lower-case", () => {
    const leaves = makeLeaves(10);
    const upper = leaves.map((l) => ({
      contributor: `0x${l.contributor.slice(2).toUpperCase()}` as Address,
      rowHash: `0x${l.rowHash.slice(2).toUpperCase()}` as Hex,
    }));
    expect(buildVersionTree(upper).root).toBe(buildVersionTree(leaves).root);
  });

  it("matches StandardMerkleTree with repeated leaves, including lookup by value", () => {
    const base = makeLeaves(6);
    const leaves = [...base, base[2] as VersionLeaf, base[4] as VersionLeaf, base[2] as VersionLeaf];
    const ours = buildVersionTree(leaves);
    const theirs = ozTree(leaves);
    expect(ours.root).toBe(theirs.root);
    for (let i = 0; i < leaves.length; i++) expect(ours.proof(i)).toEqual(theirs.getProof(i));
    const repeated = base[2] as VersionLeaf;
    expect(ours.proof(repeated)).toEqual(theirs.getProof([repeated.contributor, repeated.rowHash]));
  });

  it("rejects wrong proofs, leaves and roots", () => {
    const leaves = makeLeaves(50);
    const tree = buildVersionTree(leaves);
    const leaf = leaves[3] as VersionLeaf;
    const proof = tree.proof(3);
    expect(verifyLeafProof(tree.root, leaves[4] as VersionLeaf, proof)).toBe(false);
    expect(verifyLeafProof(tree.root, { ...leaf, contributor: (leaves[4] as VersionLeaf).contributor }, proof)).toBe(
      leaf.contributor === (leaves[4] as VersionLeaf).contributor,
    );
    expect(verifyLeafProof(tree.root, leaf, proof.slice(1))).toBe(false);
    expect(verifyLeafProof(keccak256("0x01"), leaf, proof)).toBe(false);
    expect(verifyLeafProof(tree.root, leaf, ["0x12"])).toBe(false);
    expect(verifyLeafProof(tree.root, { contributor: "0x1234" as Address, rowHash: leaf.rowHash }, proof)).toBe(false);
  });

  it("refuses an empty version, malformed hex, an unknown leaf and an out-of-range index", () => {
    expect(() => buildVersionTree([])).toThrow(expect.objectContaining({ code: "empty_version" }));
    expect(() => buildVersionTree([{ contributor: "0xzz" as Address, rowHash: keccak256("0x") }])).toThrow(
      expect.objectContaining({ code: "invalid_leaf", details: expect.objectContaining({ position: 0 }) }),
    );
    const leaves = makeLeaves(4);
    const tree = buildVersionTree(leaves);
    expect(() =>
      tree.proof({ contributor: (leaves[0] as VersionLeaf).contributor, rowHash: keccak256("0xff") }),
    ).toThrow(expect.objectContaining({ code: "leaf_not_in_version" }));
    expect(() => tree.proof(4)).toThrow(RangeError);
  });
});

describe("contentRoot", () => {
  for (const n of [1, 2, 3, 7, 100, 1000]) {
    it(`equals StandardMerkleTree over ["bytes32"] leaves for ${n} row hashes, with proofs`, () => {
      const rowHashes = makeLeaves(n).map((l) => l.rowHash);
      const theirs = StandardMerkleTree.of(
        rowHashes.map((h) => [h]),
        ["bytes32"],
      );
      const root = contentRoot(rowHashes);
      expect(root).toBe(theirs.root);
      for (const i of [0, n - 1, Math.floor(n / 2)]) {
        const proof = contentProof(rowHashes, i);
        expect(proof).toEqual(theirs.getProof(i));
        expect(verifyContentProof(root, rowHashes[i] as Hex, proof)).toBe(true);
      }
    });
  }

  it("does not depend on row order but does on repeats, and refuses bad input", () => {
    const rowHashes = makeLeaves(20).map((l) => l.rowHash);
    expect(contentRoot([...rowHashes].reverse())).toBe(contentRoot(rowHashes));
    expect(contentRoot([...rowHashes, rowHashes[0] as Hex])).not.toBe(contentRoot(rowHashes));
    expect(() => contentRoot([])).toThrow(expect.objectContaining({ code: "empty_contribution" }));
    expect(() => contentRoot(["0x00"])).toThrow(expect.objectContaining({ code: "invalid_row_hash" }));
  });
});
