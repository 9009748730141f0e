import { existsSync } from "node:fs";

/** Loads .env into process.env (variables already set win), when the file exists. */
export function loadEnvFile(file = ".env"): boolean {
  if (!existsSync(file)) return false;
  const before = { ...process.env };
  process.loadEnvFile(file);
  Object.assign(process.env, before);
  return true;
}
