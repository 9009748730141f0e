export { MigrationError } from "./errors";
export type { AppliedMigration } from "./plan";
export {
  checksumOf,
  DEFAULT_MIGRATIONS_DIR,
  type MigrationOnDisk,
  readMigrations,
} from "./read";
export { type ApplyMigrationsOptions, applyMigrations } from "./runner";
export { listMigrationStatus, type MigrationStatus } from "./status";
