import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LOCAL_REDIS_PORT } from "../../lib/env";
import { findRedisServer } from "./packages";
import { ensureDir, redisDataDir } from "./paths";
import { log, output, run } from "./shell";

/**
 * The project-local Redis. Carts and sessions must survive a crash, so AOF is on with `appendfsync always`:
 * Redis writes and syncs each change to the file before it answers, so a killed server loses nothing it
 * acknowledged. (With `everysec`, a write that meets a slow background fsync is held back for up to two
 * seconds while its reply goes out: a SIGKILL then lost an acknowledged cart on a busy disk.) They must
 * never be evicted to make room, so the policy is `noeviction`. Tests that kill Redis start a throwaway server with the same arguments
 * (`redisServerArgs`) on a port of their own.
 *
 * A Redis of the cache's own (`CACHE_REDIS_URL`; the benchmarks run one) keeps nothing on disk: whatever it
 * holds is rebuilt from PostgreSQL, and an fsync per write would only slow every load (`role` "cache").
 */

export function redisServerArgs(port: number, dir: string, role: "state" | "cache" = "state"): string[] {
  const persistence: [string, string][] =
    role === "state"
      ? [
          ["appendonly", "yes"],
          ["appendfsync", "always"],
        ]
      : [["appendonly", "no"]];
  const settings: [string, string][] = [
    ["port", String(port)],
    ["bind", "127.0.0.1"],
    ["dir", dir],
    ...persistence,
    ["maxmemory-policy", "noeviction"],
    ["save", ""],
    ["protected-mode", "yes"],
  ];
  return settings.flatMap(([name, value]) => [`--${name}`, value]);
}

const pidFile = path.join(redisDataDir, "redis.pid");

function runningPid(): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export function startLocalRedis(): void {
  if (runningPid() !== null) return;
  const server = findRedisServer();
  if (!server) throw new Error("redis-server not found");
  ensureDir(redisDataDir);
  log(`starting Redis on 127.0.0.1:${LOCAL_REDIS_PORT}`);
  const args = [
    ...redisServerArgs(LOCAL_REDIS_PORT, redisDataDir),
    "--daemonize",
    "yes",
    "--pidfile",
    pidFile,
    "--logfile",
    path.join(redisDataDir, "redis.log"),
  ];
  run(server, args);
}

export function stopLocalRedis(): boolean {
  const pid = runningPid();
  if (pid === null) return false;
  // SHUTDOWN flushes the AOF before the server exits.
  if (output("redis-cli", ["-p", String(LOCAL_REDIS_PORT), "shutdown"]) === null) process.kill(pid, "SIGTERM");
  return true;
}
