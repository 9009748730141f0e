import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMPTY_DATAMODEL, SNAPSHOT_FILE, snapshotContent } from "./migration-folder";
import { assertSnapshotChain, readPreviousDatamodel } from "./previous-datamodel";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "mf-prev-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function addFolder(name: string, snapshot?: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), "SELECT 1;");
  if (snapshot !== undefined) await writeFile(path.join(dir, name, SNAPSHOT_FILE), snapshot);
}

describe("readPreviousDatamodel", () => {
  it("starts from a datasource-only datamodel before the first migration", async () => {
    expect(await readPreviousDatamodel(path.join(dir, "missing"))).toMatchObject({
      newest: undefined,
      schema: EMPTY_DATAMODEL,
    });
  });

  it("uses the newest folder's snapshot, without its header", async () => {
    await addFolder("20260101000000_init", snapshotContent("// one\n", undefined));
    await addFolder("20260102000000_next", snapshotContent("// two\n", "20260101000000_init"));
    expect(await readPreviousDatamodel(dir)).toMatchObject({ newest: "20260102000000_next", schema: "// two\n" });
  });

  it("refuses when the newest folder has no snapshot", async () => {
    await addFolder("20260101000000_init");
    await expect(readPreviousDatamodel(dir)).rejects.toThrow(/20260101000000_init has no schema\.prisma\.snapshot/);
  });

  it("refuses a snapshot chain broken by a merge", async () => {
    await addFolder("20260101000000_init", snapshotContent("// one\n", undefined));
    await addFolder("20260102000000_theirs", snapshotContent("// theirs\n", "20260101000000_init"));
    await addFolder("20260103000000_ours", snapshotContent("// ours\n", "20260101000000_init"));
    await expect(readPreviousDatamodel(dir)).rejects.toThrow(/20260102000000_theirs now sits between them/);
  });
});

describe("assertSnapshotChain", () => {
  it("accepts a snapshot following the folder before it, or none for the first", () => {
    expect(() => assertSnapshotChain(["a"], snapshotContent("", undefined))).not.toThrow();
    expect(() => assertSnapshotChain(["a", "b"], snapshotContent("", "a"))).not.toThrow();
  });

  it("does not judge a snapshot without header", () => {
    expect(() => assertSnapshotChain(["a", "b"], "// no header\n")).not.toThrow();
  });
});
