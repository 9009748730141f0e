import { describe, expect, it } from "vitest";
import { anvilEcho, formatPinoLine, postgresEcho } from "./log-format";

describe("console log formatting", () => {
  it("turns pino JSON into a readable line", () => {
    const line = JSON.stringify({ level: 30, time: 1, pid: 2, hostname: "h", msg: "ready", workerId: "w1" });
    expect(formatPinoLine(line)).toBe("INFO ready workerId=w1");
  });

  it("keeps an error's message", () => {
    const line = JSON.stringify({ level: 50, msg: "queue error", err: { message: "boom" } });
    expect(formatPinoLine(line)).toBe("ERROR queue error — boom");
  });

  it("passes other lines through", () => {
    expect(formatPinoLine("▲ Next.js 16")).toBe("▲ Next.js 16");
  });

  it("shows only PostgreSQL's problems and anvil's non-RPC warnings", () => {
    expect(postgresEcho("LOG:  checkpoint starting")).toBeNull();
    expect(postgresEcho("FATAL:  password authentication failed")).not.toBeNull();
    expect(postgresEcho("FATAL:  terminating connection due to administrator command")).toBeNull();
    expect(anvilEcho("eth_chainId")).toBeNull();
    expect(anvilEcho("Error: failed to dump state")).not.toBeNull();
  });
});
