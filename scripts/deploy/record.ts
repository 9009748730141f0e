import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DeploymentRecord } from "@/lib/chain/deployments";

export type { AppContractName, DeployedContract, DeploymentRecord } from "@/lib/chain/deployments";

/** Writes atomically (temp file + rename) so a killed deploy never leaves half a record. */
export function writeRecord(file: string, record: DeploymentRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, file);
}
