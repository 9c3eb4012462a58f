import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { LOCAL_POSTGRES_PORT } from "../../lib/env";
import { findPostgresBinDir } from "./packages";
import { ensureDir, postgresDataDir } from "./paths";
import { isRoot, log, output, run } from "./shell";

/**
 * The project-local PostgreSQL: initialised on first use, started on the project's own port,
 * with pg_stat_statements preloaded so the benchmark can count queries on the server side.
 */

const SUPERUSER = "brisk";

function asServerUser(binary: string, args: string[]): [string, string[]] {
  return isRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
}

function pgTool(name: string, args: string[], quiet = false): void {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error("PostgreSQL binaries not found");
  const [command, fullArgs] = asServerUser(path.join(binDir, name), args);
  run(command, fullArgs, quiet ? { stdio: "ignore" } : {});
}

function initialise(dataDir: string): void {
  log(`initialising PostgreSQL in ${dataDir}`);
  ensureDir(dataDir, 0o700);
  if (isRoot) run("chown", ["postgres:postgres", dataDir]);
  pgTool("initdb", ["-D", dataDir, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], true);
  const settings = [
    `port = ${LOCAL_POSTGRES_PORT}`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "shared_preload_libraries = 'pg_stat_statements'",
    "pg_stat_statements.track = all",
    "max_connections = 200",
  ];
  writeFileSync(path.join(dataDir, "postgresql.auto.conf"), settings.join("\n") + "\n");
  if (isRoot) run("chown", ["postgres:postgres", path.join(dataDir, "postgresql.auto.conf")]);
}

function isRunning(dataDir: string): boolean {
  const binDir = findPostgresBinDir();
  if (!binDir || !existsSync(path.join(dataDir, "PG_VERSION"))) return false;
  const [command, args] = asServerUser(path.join(binDir, "pg_ctl"), ["-D", dataDir, "status"]);
  return output(command, args) !== null;
}

/** Creates the database named in `url` when its server answers but the database is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

export function startLocalPostgres(): void {
  const dataDir = postgresDataDir();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initialise(dataDir);
  if (isRunning(dataDir)) return;
  log(`starting PostgreSQL on 127.0.0.1:${LOCAL_POSTGRES_PORT}`);
  pgTool("pg_ctl", ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"], true);
}

export function stopLocalPostgres(): boolean {
  const dataDir = postgresDataDir();
  if (!isRunning(dataDir)) return false;
  pgTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"], true);
  return true;
}
