import type { Address, Hex } from "viem";
import type { Db } from "@/lib/db/client";
import { confirmedVersion } from "./publishing/export";
import { versionLeaves } from "./publishing/version-rows";
import { buildVersionTree } from "./versions";

/** A contributor's row in a version and its Merkle proof (DatanetRegistry.verifyContribution's last argument). */
export interface RowProof {
  rowId: string;
  rowHash: Hex;
  leafIndex: number;
  proof: Hex[];
}

/**
 * The proofs of one contributor's leaves in a version's tree (pure: the leaves come in leaf order).
 * Proofs are taken by leaf position, so a row repeated in the version gets each copy's own proof.
 */
export function proofsFor(
  leaves: readonly { rowId: bigint; rowHash: Hex; contributor: Address }[],
  contributor: string,
): { root: Hex; proofs: RowProof[] } {
  const tree = buildVersionTree(leaves.map((l) => ({ contributor: l.contributor, rowHash: l.rowHash })));
  const wanted = contributor.toLowerCase();
  const proofs: RowProof[] = [];
  leaves.forEach((leaf, leafIndex) => {
    if (leaf.contributor.toLowerCase() !== wanted) return;
    proofs.push({ rowId: leaf.rowId.toString(), rowHash: leaf.rowHash, leafIndex, proof: tree.proof(leafIndex) });
  });
  return { root: tree.root, proofs };
}

/**
 * Everything a contributor needs to prove on-chain that their rows are in a published version:
 * the version's coordinates, the leaf encoding and one proof per row of theirs.
 */
export async function contributorProofs(db: Db, datanetId: string, number: number, contributor: Address) {
  const version = await confirmedVersion(db, datanetId, number);
  const { root, proofs } = proofsFor(await versionLeaves(db, version.id), contributor);
  return {
    datanet: { id: version.datanet.id, onchainId: version.datanet.onchainId?.toString() ?? null },
    version: version.number,
    merkleRoot: version.merkleRoot as Hex,
    /** Recomputed from the stored leaves: equal to merkleRoot unless the database was altered. */
    recomputedRoot: root,
    contributor: contributor.toLowerCase(),
    leafEncoding: "keccak256(keccak256(abi.encode(address contributor, bytes32 rowHash)))",
    proofs,
  };
}
