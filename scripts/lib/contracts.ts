import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const DEPLOY_SCRIPT = "scripts/deploy/index.ts";

/**
 * Deploys the Foundry contracts to the chain when the project has them. The deploy script is
 * idempotent: it reuses a deployment whose code matches, so this is cheap on every start.
 */
export async function deployContractsIfPresent(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  const sources = existsSync("contracts/src")
    ? readdirSync("contracts/src", { recursive: true }).filter((file) => String(file).endsWith(".sol"))
    : [];
  if (sources.length === 0) return "no contracts in contracts/src yet";
  if (!existsSync(DEPLOY_SCRIPT)) return `${sources.length} contract sources but no ${DEPLOY_SCRIPT}; not deployed`;
  let lastLine = "deployed";
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", DEPLOY_SCRIPT], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        log(line);
        lastLine = line.trim();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(line);
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`contract deployment failed (exit ${code})`)),
    );
  });
  // The deploy script ends with a one-line summary ("deployment up to date: 10 contracts on chain …").
  return `${lastLine}; addresses at /api/chain`;
}
