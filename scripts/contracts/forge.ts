/**
 * Runs the forge binary shipped in @foundry-rs/forge's platform package inside contracts/, passing
 * its exit status through (the npm `forge` wrapper exits 0 even when forge fails).
 * `contracts:test` also writes passed/failed counts for `npm test`'s summary.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { forgeBinary } from "./build";

const root = path.resolve(import.meta.dirname, "..", "..");
let forge: string;
try {
  forge = forgeBinary();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const child = spawn(forge, args, { cwd: path.join(root, "contracts"), stdio: ["ignore", "pipe", "inherit"] });
let output = "";
child.stdout.on("data", (chunk: Buffer) => {
  output += chunk.toString();
  process.stdout.write(chunk);
});
child.on("exit", (code, signal) => {
  const summary = /(\d+) tests passed, (\d+) failed/.exec(output);
  const reportFile = process.env.FORGE_SUMMARY_FILE;
  if (reportFile && summary) {
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, JSON.stringify({ passed: Number(summary[1]), failed: Number(summary[2]) }));
  }
  process.exit(code ?? (signal ? 1 : 0));
});
