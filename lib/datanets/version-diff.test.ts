import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { diffPage } from "./version-diff";

const alice = "0x00000000000000000000000000000000000a11ce" as Address;
const bob = "0x0000000000000000000000000000000000000b0b" as Address;
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as Hex;
const leaf = (n: number, contributor = alice) => ({ rowId: BigInt(n), rowHash: hash(n), contributor });

describe("diffPage", () => {
  const parent = [leaf(1), leaf(2), leaf(3)];
  const child = [leaf(1), leaf(3), leaf(4), leaf(5), leaf(6), leaf(2, bob)];

  it("counts both sides and pages the one asked for, in child order", () => {
    const first = diffPage(parent, child, { side: "added", page: 1, pageSize: 2 });
    expect(first.counts).toEqual({ added: 4, removed: 1, unchanged: 2 });
    expect(first.total).toBe(4);
    expect(first.items.map((l) => l.rowId)).toEqual([4n, 5n]);
    const second = diffPage(parent, child, { side: "added", page: 2, pageSize: 2 });
    expect(second.items.map((l) => l.rowId)).toEqual([6n, 2n]);
    expect(second.items[1]?.contributor).toBe(bob);
  });

  it("lists removed rows (a row re-attributed to another contributor is removed and added)", () => {
    const removed = diffPage(parent, child, { side: "removed", page: 1, pageSize: 10 });
    expect(removed.items).toEqual([leaf(2)]);
  });

  it("a first version adds everything; a page past the end is empty", () => {
    expect(diffPage([], child, { side: "added", page: 1, pageSize: 100 }).total).toBe(child.length);
    expect(diffPage([], child, { side: "added", page: 9, pageSize: 100 }).items).toEqual([]);
  });
});
