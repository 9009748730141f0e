import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ManagedProcess } from "./managed-process";

export interface AnvilOptions {
  dataDir: string;
  port: number;
  chainId: number;
  logDir: string;
  runDir: string;
  echo: (line: string) => string | null;
}

/** The anvil binary shipped inside @foundry-rs/anvil's platform package. */
export function anvilBinary(): string {
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
  const require = createRequire(import.meta.url);
  const wrapper = path.dirname(require.resolve("@foundry-rs/anvil/package.json"));
  for (const base of [path.join(wrapper, "node_modules"), path.resolve(wrapper, "..", "..")]) {
    const candidate = path.join(base, platformPackage, "bin", "anvil");
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`anvil binary not found (${platformPackage}). Run npm install, or set RPC_URL to an existing chain.`);
}

/** Asks an RPC endpoint for its chain id; undefined when nothing answers. */
export async function readChainId(rpcUrl: string, timeoutMs = 2_000): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number.parseInt(body.result, 16) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts anvil with its state in dataDir/state.json: loaded at start, written every few seconds
 * and on exit, so balances and contracts survive restarts (and mostly survive a kill -9).
 */
export async function startAnvil(options: AnvilOptions): Promise<{ url: string; process: ManagedProcess }> {
  const url = `http://127.0.0.1:${options.port}`;
  if ((await readChainId(url)) !== undefined) {
    throw new Error(`Something already answers on ${url}. Stop it, set ANVIL_PORT, or set RPC_URL to use it.`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const anvil = new ManagedProcess({
    name: "chain",
    command: anvilBinary(),
    args: [
      "--host",
      "127.0.0.1",
      "--port",
      String(options.port),
      "--chain-id",
      String(options.chainId),
      "--state",
      path.join(options.dataDir, "state.json"),
      "--state-interval",
      "5",
      "--preserve-historical-states",
    ],
    env: process.env,
    logDir: options.logDir,
    runDir: options.runDir,
    echo: options.echo,
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await readChainId(url, 500)) === options.chainId) return { url, process: anvil };
    const exited = await Promise.race([anvil.exited, sleep(200).then(() => null)]);
    if (exited) throw new Error(`anvil exited during start (code ${exited.code}); see ${options.logDir}/chain.log`);
  }
  await anvil.stop("SIGKILL");
  throw new Error(`anvil did not answer on ${url} within 30 s; see ${options.logDir}/chain.log`);
}
