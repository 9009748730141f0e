import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { serverConfig } from "@/lib/config/server";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { modelfactoryDb?: PrismaClient };

/** Each client's node-postgres pool, for the bulk paths (COPY) the ORM has no words for. */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** Creates a Prisma client over node-postgres for a connection URL. */
export function createDb(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The node-postgres pool under a client made by `createDb` (the same connections, the same database). */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this database client was not made by createDb");
  return pool;
}

/** The process's shared client (kept on globalThis so dev hot reloads don't open new pools). */
export function db(): PrismaClient {
  globalForDb.modelfactoryDb ??= createDb(serverConfig().DATABASE_URL);
  return globalForDb.modelfactoryDb;
}
