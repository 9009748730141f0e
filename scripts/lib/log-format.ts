const levels: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** Turns a pino JSON line into "LEVEL message key=value…"; other lines pass through. */
export function formatPinoLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const { level, msg, time, pid, hostname, service, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const extras = Object.entries(rest)
      .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(" ");
    const error =
      err && typeof err === "object" && "message" in err ? ` — ${String((err as { message: unknown }).message)}` : "";
    return `${levels[level as number] ?? "INFO"} ${String(msg ?? "")}${error}${extras ? ` ${extras}` : ""}`;
  } catch {
    return line;
  }
}

/** PostgreSQL is chatty; only its warnings and errors reach the console. */
export function postgresEcho(line: string): string | null {
  // Closing its clients is what a fast shutdown does; not worth a line on the console.
  if (line.includes("terminating connection due to administrator command")) return null;
  return /\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line) ? line : null;
}

/** anvil logs every RPC call; keep those in the log file and show the rest. */
export function anvilEcho(line: string): string | null {
  const trimmed = line.trim();
  if (!trimmed || /^(eth_|net_|web3_|anvil_|evm_|debug_|trace_|txpool_|ots_)/.test(trimmed)) return null;
  if (/error|warn|panic/i.test(trimmed)) return trimmed;
  return null;
}
