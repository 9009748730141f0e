#!/usr/bin/env node
/**
 * The e2e tier drives Debian's Chromium (`npx playwright install` cannot download here).
 * Exits 0 when it is present; installs it with apt when running as root; otherwise says how.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

if (isExecutable(chromium)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${chromium}, but no executable is there.`);
  console.error("Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium.");
  process.exit(1);
}

if (process.getuid?.() !== 0) {
  console.error("The end-to-end tests need Chromium at /usr/bin/chromium, and it is not installed.");
  console.error("  On Debian/Ubuntu:  sudo apt-get install chromium");
  console.error(
    "  Or point CHROMIUM_PATH at an existing Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm run test:e2e",
  );
  process.exit(1);
}

console.log("Chromium is missing; installing it with apt (running as root)…");
for (const args of [["update"], ["install", "-y", "chromium"]]) {
  const result = spawnSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error || result.status !== 0) {
    console.error(
      `apt-get ${args.join(" ")} failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}.`,
    );
    process.exit(1);
  }
}

if (!isExecutable(chromium)) {
  console.error(`apt-get installed chromium, but ${chromium} is still missing. Set CHROMIUM_PATH to its binary.`);
  process.exit(1);
}
const version = spawnSync(chromium, ["--version"], { encoding: "utf8" });
console.log(`Installed ${version.stdout?.trim() || chromium}.`);
