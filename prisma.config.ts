import { defineConfig } from "prisma/config";

// The CLI is used only to generate the client; migrations are written and applied by
// scripts/db (the CLI's migrate needs a schema engine binary that cannot be downloaded here).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/modelfactory" },
});
