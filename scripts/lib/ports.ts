import { createServer } from "node:net";

/** Fails with a clear message when something already listens on the port. */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
  if (!free) throw new Error(`Port ${port} for ${what} is already in use. Stop what uses it, or set ${variable}.`);
}
