import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { diffVersions } from "./diff";
import type { VersionLeaf } from "./version-tree";

const A = "0x00000000000000000000000000000000000000aa" as Address;
const B = "0x00000000000000000000000000000000000000bb" as Address;
const h = (i: number) => `0x${i.toString(16).padStart(62, "0")}ab` as Hex;
const leaf = (i: number, contributor = A): VersionLeaf => ({ contributor, rowHash: h(i) });

describe("diffVersions", () => {
  it("lists rows added and removed, in child and parent order", () => {
    const parent = [leaf(1), leaf(2), leaf(3), leaf(4)];
    const child = [leaf(5), leaf(1), leaf(3), leaf(6)];
    expect(diffVersions(parent, child)).toEqual({
      added: [leaf(5), leaf(6)],
      removed: [leaf(2), leaf(4)],
      unchanged: 2,
    });
  });

  it("treats a re-attributed row as removed and added, and ignores hex case", () => {
    const parent = [leaf(1, A), leaf(2, A)];
    const child = [
      leaf(1, B),
      {
        contributor: A.toUpperCase().replace("0X", "0x") as Address,
        rowHash: h(2).toUpperCase().replace("0X", "0x") as Hex,
      },
    ];
    expect(diffVersions(parent, child)).toEqual({ added: [leaf(1, B)], removed: [leaf(1, A)], unchanged: 1 });
  });

  it("counts repeated leaves as a multiset", () => {
    expect(diffVersions([leaf(1)], [leaf(1), leaf(1)])).toEqual({ added: [leaf(1)], removed: [], unchanged: 1 });
    expect(diffVersions([leaf(1), leaf(2), leaf(1)], [leaf(1)])).toEqual({
      added: [],
      removed: [leaf(2), leaf(1)],
      unchanged: 1,
    });
  });

  it("handles empty sides and 100,000-row versions quickly", () => {
    expect(diffVersions([], [leaf(1)])).toEqual({ added: [leaf(1)], removed: [], unchanged: 0 });
    const parent = Array.from({ length: 100_000 }, (_, i) => leaf(i, i % 2 ? A : B));
    const child = [...parent.slice(1000), ...Array.from({ length: 500 }, (_, i) => leaf(200_000 + i))];
    const start = performance.now();
    const diff = diffVersions(parent, child);
    const ms = performance.now() - start;
    expect(diff.added).toHaveLength(500);
    expect(diff.removed).toEqual(parent.slice(0, 1000));
    expect(diff.unchanged).toBe(99_000);
    expect(ms).toBeLessThan(2000);
  });
});
