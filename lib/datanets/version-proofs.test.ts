import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { proofsFor } from "./version-proofs";
import { buildVersionTree, verifyLeafProof } from "./versions";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as Hex;

describe("proofsFor", () => {
  const leaves = [
    { rowId: 10n, rowHash: hash(1), contributor: alice },
    { rowId: 11n, rowHash: hash(2), contributor: bob },
    { rowId: 12n, rowHash: hash(3), contributor: alice },
    { rowId: 13n, rowHash: hash(4), contributor: bob },
    { rowId: 14n, rowHash: hash(5), contributor: bob },
  ];

  it("gives one verifiable proof per row of the contributor, matched case-insensitively", () => {
    const { root, proofs } = proofsFor(leaves, alice.toLowerCase());
    expect(root).toBe(buildVersionTree(leaves).root);
    expect(proofs.map((p) => [p.rowId, p.leafIndex])).toEqual([
      ["10", 0],
      ["12", 2],
    ]);
    for (const p of proofs)
      expect(verifyLeafProof(root, { contributor: alice, rowHash: p.rowHash }, p.proof)).toBe(true);
    // A proof does not verify for somebody else's leaf.
    expect(verifyLeafProof(root, { contributor: bob, rowHash: hash(1) }, proofs[0]?.proof ?? [])).toBe(false);
  });

  it("answers no proofs for an address with no rows", () => {
    expect(proofsFor(leaves, "0x0000000000000000000000000000000000000001").proofs).toEqual([]);
  });
});
