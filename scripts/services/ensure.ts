import { LOCAL_POSTGRES_PORT, LOCAL_REDIS_PORT, env } from "../../lib/env";
import { ensurePackages, findChromium, type DebianPackage } from "./packages";
import { ensureDatabase, startLocalPostgres } from "./postgres";
import { postgresAnswers, redact, redisAnswers } from "./probe";
import { startLocalRedis } from "./redis";
import { log } from "./shell";

/**
 * Makes PostgreSQL and Redis answer: the servers named by DATABASE_URL / REDIS_URL when they answer;
 * otherwise the project-local ones, installed (apt-get) and started as needed. A URL that points
 * elsewhere and does not answer is an error: Brisk never silently swaps in a server of its own.
 */

function isProjectLocal(url: string, port: number): boolean {
  const parsed = new URL(url);
  return ["127.0.0.1", "localhost"].includes(parsed.hostname) && Number(parsed.port) === port;
}

async function ensurePostgres(url: string): Promise<void> {
  if (await postgresAnswers(url)) return;
  if (!isProjectLocal(url, LOCAL_POSTGRES_PORT)) {
    throw new Error(
      `DATABASE_URL (${redact(url)}) does not answer. Start that server, or unset DATABASE_URL so Brisk starts its own PostgreSQL.`,
    );
  }
  startLocalPostgres();
  await ensureDatabase(url);
  if (!(await postgresAnswers(url, 10_000))) throw new Error(`PostgreSQL started but ${redact(url)} does not answer`);
}

async function ensureRedis(url: string): Promise<void> {
  if (await redisAnswers(url)) return;
  if (!isProjectLocal(url, LOCAL_REDIS_PORT)) {
    throw new Error(
      `REDIS_URL (${redact(url)}) does not answer. Start that server, or unset REDIS_URL so Brisk starts its own Redis.`,
    );
  }
  startLocalRedis();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers(url, 500)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis started but ${redact(url)} does not answer`);
}

export interface ServiceOptions {
  /** Extra database URLs on the same servers (the test database) to create when missing. */
  extraDatabases?: string[];
  /** Also make sure a Chromium for Playwright is installed. */
  chromium?: boolean;
}

export async function ensureServices(options: ServiceOptions = {}): Promise<void> {
  const needed: DebianPackage[] = [];
  const [postgresUp, redisUp] = await Promise.all([postgresAnswers(env.DATABASE_URL), redisAnswers(env.REDIS_URL)]);
  if (!postgresUp && isProjectLocal(env.DATABASE_URL, LOCAL_POSTGRES_PORT)) needed.push("postgresql");
  if (!redisUp && isProjectLocal(env.REDIS_URL, LOCAL_REDIS_PORT)) needed.push("redis-server");
  if (options.chromium && !findChromium()) needed.push("chromium");
  ensurePackages(needed);

  await Promise.all([ensurePostgres(env.DATABASE_URL), ensureRedis(env.REDIS_URL)]);
  for (const url of options.extraDatabases ?? []) await ensureDatabase(url);
  if (env.CACHE_REDIS_URL !== env.REDIS_URL && !(await redisAnswers(env.CACHE_REDIS_URL))) {
    log(`warning: CACHE_REDIS_URL (${redact(env.CACHE_REDIS_URL)}) does not answer; the cache will fail open`);
  }
}
