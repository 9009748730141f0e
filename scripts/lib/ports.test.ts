import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { assertPortFree } from "./ports";

describe("assertPortFree", () => {
  it("passes for a free port and names the variable for a taken one", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ port: 0 }, resolve));
    const port = (server.address() as { port: number }).port;
    await expect(assertPortFree(port, "the web app", "PORT")).rejects.toThrow(/Port \d+ for the web app .* set PORT/);
    await new Promise((resolve) => server.close(resolve));
    await expect(assertPortFree(port, "the web app", "PORT")).resolves.toBeUndefined();
  });
});
