import { spawn } from "node:child_process";

const DEMO_SCRIPT = "scripts/demo/index.ts";

/**
 * Creates the demo Datanets on an empty database of the local chain (scripts/demo). A failure is
 * reported but does not stop the product: it works without demo data.
 */
export async function seedDemoData(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  let lastLine = "no demo data";
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", DEMO_SCRIPT], { env, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        log(line);
        lastLine = line.trim();
      }
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("exit", resolve);
    child.on("error", () => resolve(1));
  });
  return code === 0 ? lastLine : `${lastLine} (see the log above; the product runs without demo data)`;
}
