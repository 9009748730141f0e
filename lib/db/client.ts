import { PrismaPg } from "@prisma/adapter-pg";
import { serverConfig } from "@/lib/config/server";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { modelfactoryDb?: PrismaClient };

/** Creates a Prisma client over node-postgres for a connection URL. */
export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

/** The process's shared client (kept on globalThis so dev hot reloads don't open new pools). */
export function db(): PrismaClient {
  globalForDb.modelfactoryDb ??= createDb(serverConfig().DATABASE_URL);
  return globalForDb.modelfactoryDb;
}
