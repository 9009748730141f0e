/**
 * A problem the person running migrations has to fix (edited or missing migration, failing SQL).
 * CLIs print its message without a stack trace.
 */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/** The fields of a PostgreSQL error that node-postgres exposes and that help locate it. */
interface PgErrorFields {
  message: string;
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/** 1-based line of a 1-based character position in a text. */
export function lineAt(text: string, position: number): number {
  let line = 1;
  const end = Math.min(position - 1, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * One readable message for a statement in a migration that PostgreSQL rejected, naming the
 * line of migration.sql when the server reported a position.
 */
export function describeMigrationFailure(migrationName: string, sql: string, error: unknown): string {
  const pgError = error as Partial<PgErrorFields>;
  const message = error instanceof Error ? error.message : String(error);
  const position = Number.parseInt(pgError.position ?? "", 10);
  const where = Number.isInteger(position) ? ` (migration.sql line ${lineAt(sql, position)})` : "";
  const extras = [
    pgError.code ? `code ${pgError.code}` : "",
    pgError.detail ? `detail: ${pgError.detail}` : "",
    pgError.hint ? `hint: ${pgError.hint}` : "",
  ].filter(Boolean);
  const suffix = extras.length > 0 ? ` [${extras.join("; ")}]` : "";
  return `Migration ${migrationName} failed${where}: ${message}${suffix}. Nothing of it was applied.`;
}
