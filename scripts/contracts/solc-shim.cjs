#!/usr/bin/env node
// A `solc` executable for forge, answering --version and --standard-json with the npm solc
// (solc-js, WebAssembly): forge cannot download a native solc here. See contracts/foundry.toml.
const fs = require("node:fs");
const path = require("node:path");
const solc = require(require.resolve("solc", { paths: [path.resolve(__dirname, "..", "..")] }));

const args = process.argv.slice(2);
if (args.includes("--version")) {
  const version = solc.version().replace(".Emscripten.clang", ".Linux.g++");
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}\n`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("this solc shim supports only --version and --standard-json\n");
  process.exit(2);
}
const roots = [];
args.forEach((arg, index) => {
  if (arg === "--base-path" || arg === "--include-path") roots.push(args[index + 1]);
});
roots.push(process.cwd());
const findImports = (importPath) => {
  for (const root of roots) {
    const file = path.resolve(root, importPath);
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
  }
  return { error: `File not found: ${importPath}` };
};
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk;
});
process.stdin.on("end", () => {
  process.stdout.write(solc.compile(input, { import: findImports }));
});
