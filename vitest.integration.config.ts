import path from "node:path";
import { defineConfig } from "vitest/config";

/** Integration tier: real PostgreSQL (a throwaway database per run) and a real anvil chain. */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.int.test.{ts,tsx}"],
    exclude: ["node_modules/**", ".next*/**", ".data/**", "e2e/**"],
    environment: "node",
    globalSetup: ["scripts/test/integration-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Files share one database; run them one at a time so they can't trip over each other.
    fileParallelism: false,
  },
});
