import path from "node:path";
import { defineConfig } from "vitest/config";

/** Unit tier: fast, no services. Integration tests (*.int.test.ts) have their own config. */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**", ".next*/**", ".data/**", "e2e/**"],
    environment: "node",
  },
});
