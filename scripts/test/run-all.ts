/**
 * `npm test`: every tier in order — lint, types, unit, integration, end-to-end — each run even
 * when an earlier one failed, then one summary. Exits non-zero if any tier failed.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Tier {
  name: string;
  command: string[];
  /** Reads passed/failed test counts from the tier's JSON report, when it writes one. */
  counts?: () => { passed: number; failed: number };
}

const reports = path.resolve(".data", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitestCounts = (file: string) => () => {
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
};
const playwrightCounts = (file: string) => () => {
  const { stats } = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
};
const vitest = (name: string, config: string): Tier => {
  const file = path.join(reports, `${name}.json`);
  return {
    name,
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      config,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
    ],
    counts: vitestCounts(file),
  };
};

const only = process.argv.slice(2);
const tiers: Tier[] = [
  { name: "lint", command: ["npx", "biome", "check", "."] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  {
    name: "contracts",
    command: ["npm", "run", "contracts:test"],
    counts: () => JSON.parse(readFileSync(path.join(reports, "contracts.json"), "utf8")),
  },
  vitest("unit", "vitest.config.ts"),
  vitest("integration", "vitest.integration.config.ts"),
  {
    name: "e2e",
    command: ["npm", "run", "test:e2e"],
    counts: playwrightCounts(path.resolve("e2e", ".artifacts", "results.json")),
  },
].filter((tier) => only.length === 0 || only.includes(tier.name));

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = command as [string, ...string[]];
    const child = spawn(bin, args, {
      stdio: "inherit",
      env: { ...process.env, FORGE_SUMMARY_FILE: path.join(reports, "contracts.json") },
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results: { name: string; ok: boolean; seconds: number; passed?: number; failed?: number }[] = [];
for (const tier of tiers) {
  process.stdout.write(`\n━━ ${tier.name} ━━ ${tier.command.join(" ")}\n`);
  const started = Date.now();
  const code = await run(tier.command);
  const seconds = Math.round((Date.now() - started) / 1000);
  let counts: { passed: number; failed: number } | undefined;
  try {
    counts = tier.counts?.();
  } catch {
    // No report: the tier failed before its runner wrote one.
  }
  results.push({ name: tier.name, ok: code === 0, seconds, ...counts });
}

const line = (r: (typeof results)[number]) =>
  `  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(12)} ${String(r.seconds).padStart(4)} s${r.passed !== undefined ? `  ${r.passed} passed, ${r.failed} failed` : ""}`;
process.stdout.write(`\n━━ summary ━━\n${results.map(line).join("\n")}\n`);
const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
const failedTests = results.reduce((sum, r) => sum + (r.failed ?? 0), 0);
const failedTiers = results.filter((r) => !r.ok);
// A failed tier with no counted failures (lint, types, a crash) still counts as a failure.
const failed = failedTests + failedTiers.filter((r) => !r.failed).length;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failedTiers.length === 0 ? 0 : 1);
