import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDeploymentFile } from "./deployments";

describe("readDeploymentFile", () => {
  it("is undefined without a file and sees a new deployment written over the old one", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mf-deployments-")), "31337.json");
    expect(readDeploymentFile(file)).toBeUndefined();

    writeFileSync(file, JSON.stringify({ chainId: 31337, fingerprint: "first" }));
    expect(readDeploymentFile(file)?.fingerprint).toBe("first");

    writeFileSync(file, JSON.stringify({ chainId: 31337, fingerprint: "second, longer" }));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(readDeploymentFile(file)?.fingerprint).toBe("second, longer");
  });
});
