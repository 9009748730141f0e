import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Abi, Hex } from "viem";

export const contractsRoot = path.resolve(import.meta.dirname, "..", "..", "contracts");

export interface Artifact {
  name: string;
  abi: Abi;
  bytecode: Hex;
}

/** Reads forge's output for a contract (contracts/out/<file>.sol/<name>.json). */
export function readArtifact(sourceFile: string, name: string): Artifact {
  const file = path.join(contractsRoot, "out", path.basename(sourceFile), `${name}.json`);
  if (!existsSync(file)) {
    throw new Error(`No build output for ${name} (${file}). Run npm run contracts:build.`);
  }
  const json = JSON.parse(readFileSync(file, "utf8")) as { abi: Abi; bytecode: { object: Hex } };
  return { name, abi: json.abi, bytecode: json.bytecode.object };
}
