#!/usr/bin/env node
/**
 * Builds lib/ml's optional native kernels (lib/ml/kernels/native/src/mf_native.c, an N-API addon over
 * OpenBLAS) into lib/ml/kernels/native/build/. `npm install` runs it with --optional: it then never
 * fails, it only says why the addon was skipped, and the engine runs on pure wasm. Run as root with
 * apt-get available, it installs Debian's libopenblas0-pthread first when OpenBLAS is missing.
 *
 *   node scripts/native/build.mjs [--optional]      ML_NATIVE=off skips it; CC picks the compiler.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const optional = process.argv.includes("--optional");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const nativeDir = path.join(root, "lib/ml/kernels/native");
const source = path.join(nativeDir, "src/mf_native.c");
const buildDir = path.join(nativeDir, "build");
const OPENBLAS = "libopenblas.so.0";
const APT_PACKAGE = "libopenblas0-pthread";

function skip(reason) {
  console.log(`native kernels: skipped — ${reason}. The ML engine runs on pure wasm.`);
  process.exit(optional ? 0 : 1);
}

const run = (command, args, options = {}) => spawnSync(command, args, { encoding: "utf8", ...options });

/** The folder holding node_api.h for the Node running this script. */
function nodeHeaders() {
  const candidates = [
    process.env.NODE_HEADERS,
    path.resolve(path.dirname(process.execPath), "../include/node"),
    "/usr/include/node",
    "/usr/local/include/node",
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(path.join(dir, "node_api.h")));
}

/** Whether the dynamic linker knows OpenBLAS. */
function hasOpenBlas() {
  const cache = run("ldconfig", ["-p"]);
  if (cache.status === 0) return cache.stdout.includes(OPENBLAS);
  return ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"].some((dir) =>
    existsSync(path.join(dir, OPENBLAS)),
  );
}

/** Installs OpenBLAS with apt-get when running as root on a Debian-like system; quiet about failure. */
function installOpenBlas() {
  if (process.getuid?.() !== 0 || run("sh", ["-c", "command -v apt-get"]).status !== 0) return false;
  console.log(`native kernels: OpenBLAS is missing; installing ${APT_PACKAGE} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    run("apt-get", ["install", "-y", "--no-install-recommends", APT_PACKAGE], { env, timeout: 300_000 });
  if (install().status !== 0) {
    run("apt-get", ["update"], { env, timeout: 300_000 });
    if (install().status !== 0) return false;
  }
  return hasOpenBlas();
}

if (process.env.ML_NATIVE === "off") skip("ML_NATIVE=off");
if (process.platform !== "linux") skip(`only built on Linux (this is ${process.platform})`);
const compiler = process.env.CC || "cc";
if (run(compiler, ["--version"]).status !== 0) skip(`no C compiler (${compiler}); install gcc to enable them`);
const headers = nodeHeaders();
if (!headers) skip("Node's headers (node_api.h) were not found; set NODE_HEADERS to their folder");
if (!hasOpenBlas() && !installOpenBlas()) {
  skip(`OpenBLAS (${OPENBLAS}) is not installed; on Debian/Ubuntu: apt-get install ${APT_PACKAGE}`);
}

const sourceHash = createHash("sha256").update(readFileSync(source)).digest("hex");
const output = path.join(buildDir, "mf_native.node");
const stamp = path.join(buildDir, "mf_native.json");
mkdirSync(buildDir, { recursive: true });
const temporary = `${output}.${process.pid}.tmp`;
// -march=native: the addon is built on the machine that runs it (install time), like node-gyp's output.
const flags = ["-O3", "-march=native", "-fPIC", "-shared", "-Wall", "-Wextra", "-DNODE_GYP_MODULE_NAME=mf_native"];
const compile = run(compiler, [...flags, `-I${headers}`, source, "-o", temporary, `-l:${OPENBLAS}`, "-lm"]);
if (compile.status !== 0) {
  rmSync(temporary, { force: true });
  process.stderr.write(compile.stderr);
  skip(`the compiler failed (${compiler})`);
}
renameSync(temporary, output);
writeFileSync(stamp, `${JSON.stringify({ sourceHash, compiler, builtAt: new Date().toISOString() }, null, 2)}\n`);
console.log(`native kernels: built ${path.relative(root, output)} against OpenBLAS`);
