import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public"];
const CONFIG_FILES = ["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const nextBin = path.resolve("node_modules/next/dist/bin/next");

/** A hash of everything the Next build reads, so a start rebuilds only after a change. */
export function sourceFingerprint(root = "."): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && !/\.(int\.)?test\.tsx?$/.test(entry.name)) {
        hash.update(full).update(readFileSync(full));
      }
    }
  };
  for (const dir of SOURCES) if (existsSync(path.join(root, dir))) visit(path.join(root, dir));
  for (const file of CONFIG_FILES) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).isFile()) hash.update(file).update(readFileSync(full));
  }
  return hash.digest("hex");
}

/** Runs `next build` into distDir unless the build there was made from the same sources. */
export async function buildIfNeeded(
  distDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<"built" | "up to date"> {
  const stampFile = path.join(distDir, "modelfactory-build.json");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as { fingerprint?: string };
    if (stamp.fingerprint === fingerprint) return "up to date";
  }
  log(`building the web app into ${distDir} (a minute or two on a small machine)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      env: { ...env, NEXT_DIST_DIR: distDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`next build failed (exit ${code}):\n${output.split("\n").slice(-40).join("\n")}`));
    });
  });
  writeFileSync(stampFile, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return "built";
}

export const nextCommand = { bin: nextBin };
