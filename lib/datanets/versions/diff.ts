import type { VersionLeaf } from "./version-tree";

export type VersionDiff<L extends VersionLeaf> = {
  /** In the child, not in the parent (child order). */
  added: L[];
  /** In the parent, not in the child (parent order). */
  removed: L[];
  /** Leaves in both. */
  unchanged: number;
};

/** Identity of a leaf: row hash and contributor, case-insensitively. */
const keyOf = (leaf: VersionLeaf): string => `${leaf.rowHash.toLowerCase()}:${leaf.contributor.toLowerCase()}`;

/**
 * Rows added and removed between a parent and a child version, by (rowHash, contributor): the same
 * row re-attributed to another contributor counts as removed and added. Leaves are a multiset: a
 * leaf twice in the child and once in the parent is added once. One pass over each side with a
 * hash map: O(parent + child); 100,000 + 100,000 leaves take a few tens of milliseconds.
 */
export function diffVersions<L extends VersionLeaf>(
  parentLeaves: readonly L[],
  childLeaves: readonly L[],
): VersionDiff<L> {
  const parentCounts = new Map<string, number>();
  for (const leaf of parentLeaves) {
    const k = keyOf(leaf);
    parentCounts.set(k, (parentCounts.get(k) ?? 0) + 1);
  }
  const added: L[] = [];
  let unchanged = 0;
  for (const leaf of childLeaves) {
    const k = keyOf(leaf);
    const left = parentCounts.get(k) ?? 0;
    if (left > 0) {
      parentCounts.set(k, left - 1);
      unchanged++;
    } else {
      added.push(leaf);
    }
  }
  const removed: L[] = [];
  // Walk the parent backwards so the last copies of a repeated leaf are the ones reported removed,
  // then restore parent order.
  for (let i = parentLeaves.length - 1; i >= 0; i--) {
    const leaf = parentLeaves[i] as L;
    const k = keyOf(leaf);
    const left = parentCounts.get(k) ?? 0;
    if (left > 0) {
      parentCounts.set(k, left - 1);
      removed.push(leaf);
    }
  }
  removed.reverse();
  return { added, removed, unchanged };
}
