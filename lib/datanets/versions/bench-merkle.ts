/**
 * Measures the version-tree build: `node --import tsx lib/datanets/versions/bench-merkle.ts [leaves] [--oz]`.
 * Prints the time to build the root over N leaves (default 1,000,000); with --oz also times
 * OpenZeppelin's StandardMerkleTree on 100,000 leaves for comparison. `measureVersionTreeBuild`
 * is exported for the ingest benchmark to report the same figure.
 */
import { pathToFileURL } from "node:url";
import type { Address, Hex } from "viem";
import { hexOf } from "./hex";
import { keccak256Into } from "./keccak";
import { buildVersionTree, type VersionLeaf } from "./version-tree";

/** N distinct synthetic leaves over 1,000 contributors (generated outside the timed region). */
export function syntheticLeaves(n: number): VersionLeaf[] {
  const seed = new Uint8Array(8);
  const digest = new Uint8Array(32);
  const contributors: Address[] = [];
  for (let c = 0; c < 1000; c++) {
    new DataView(seed.buffer).setUint32(0, c);
    seed[7] = 1;
    keccak256Into(seed, 0, 8, digest, 0);
    contributors.push(hexOf(digest, 12, 20) as Address);
  }
  const leaves: VersionLeaf[] = new Array(n);
  for (let i = 0; i < n; i++) {
    new DataView(seed.buffer).setUint32(0, i);
    seed[7] = 2;
    keccak256Into(seed, 0, 8, digest, 0);
    leaves[i] = { contributor: contributors[i % 1000] as Address, rowHash: hexOf(digest) as Hex };
  }
  return leaves;
}

/** Milliseconds to build the version tree (root and proof index) over `leafCount` leaves. */
export function measureVersionTreeBuild(leafCount: number): { ms: number; root: Hex } {
  const leaves = syntheticLeaves(leafCount);
  const start = performance.now();
  const tree = buildVersionTree(leaves);
  return { ms: performance.now() - start, root: tree.root };
}

async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const { ms, root } = measureVersionTreeBuild(n);
  console.log(`version tree: ${n.toLocaleString("en")} leaves in ${(ms / 1000).toFixed(2)} s (root ${root})`);
  if (process.argv.includes("--oz")) {
    const { StandardMerkleTree } = await import("@openzeppelin/merkle-tree");
    const ozN = 100_000;
    const leaves = syntheticLeaves(ozN);
    const start = performance.now();
    const oz = StandardMerkleTree.of(
      leaves.map((l) => [l.contributor, l.rowHash]),
      ["address", "bytes32"],
    );
    const ozMs = performance.now() - start;
    const ours = measureVersionTreeBuild(ozN);
    console.log(
      `StandardMerkleTree: ${ozN.toLocaleString("en")} leaves in ${(ozMs / 1000).toFixed(2)} s; ours ${(ours.ms / 1000).toFixed(3)} s; same root: ${oz.root === ours.root}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
