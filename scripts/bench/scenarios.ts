import Redis from "ioredis";
import type { ThrowawayRedis } from "../../lib/testing/redis-server";
import { log } from "../services/shell";
import { cacheCounters, type AppServer } from "../../lib/testing/app-server";
import type { PostgresStats } from "./postgres-stats";
import type { Report } from "./report";
import { runWrk } from "./wrk";

/** The benchmark's scenarios beyond plain load: the stampede, memory per product, and the Redis outage. */

const STAMPEDE_REQUESTS = 500;
/** The product lookup (one statement with relationJoins), as pg_stat_statements records Prisma's SQL. */
const PRODUCT_BY_SLUG = '%AS "Product_variants"%WHERE%"t0"."slug"%';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadsOf = async (apps: AppServer[]) =>
  (await Promise.all(apps.map((app) => cacheCounters(app.origin)))).reduce((sum, c) => sum + (c.load_ok ?? 0), 0);

export async function runStampede(options: {
  instances: AppServer[];
  slug: string;
  stats: PostgresStats;
}): Promise<Report["stampede"]> {
  const { instances, slug, stats } = options;
  const [statementsBefore, lookupsBefore, loadsBefore] = [
    await stats.queries(),
    await stats.queries(PRODUCT_BY_SLUG),
    await loadsOf(instances),
  ];
  const responses = await Promise.all(
    Array.from({ length: STAMPEDE_REQUESTS }, (_, i) =>
      fetch(`${instances[i % instances.length].origin}/api/products/${slug}`),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const response of responses) {
    const key = `${response.status} ${response.headers.get("x-cache")}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    await response.arrayBuffer();
  }
  const postgresLoads = (await stats.queries(PRODUCT_BY_SLUG)) - lookupsBefore;
  const statements = (await stats.queries()) - statementsBefore;
  log(`stampede: ${postgresLoads} product lookup(s) reached PostgreSQL for ${STAMPEDE_REQUESTS} requests`);
  return {
    requests: STAMPEDE_REQUESTS,
    statuses,
    appLoads: (await loadsOf(instances)) - loadsBefore,
    postgresLoads,
    statementsPerLoad: postgresLoads > 0 ? Math.round(statements / postgresLoads) : 0,
  };
}

export async function measureMemory(url: string, pattern: string): Promise<Report["memory"]> {
  const redis = new Redis(url);
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== "0" && keys.length < 500);
  const sample = keys.slice(0, 500);
  const usage = await Promise.all(sample.map((key) => redis.memory("USAGE", key, "SAMPLES", "0")));
  const lengths = await Promise.all(sample.map((key) => redis.strlen(key)));
  redis.disconnect();
  const average = (values: (number | null)[]) =>
    values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / Math.max(1, values.length);
  return { sampled: sample.length, averageBytes: average(usage), averageValueBytes: average(lengths) };
}

export async function runOutage(options: {
  app: AppServer;
  cacheRedis: ThrowawayRedis;
  apiFile: string;
  hotPath: string;
  connections: number;
  delayMs?: number;
}): Promise<Report["outage"][number]> {
  const { app, cacheRedis, apiFile, hotPath, connections, delayMs } = options;
  const xCache = async () => (await fetch(app.origin + hotPath)).headers.get("x-cache") ?? "none";
  const load = runWrk({ origin: app.origin, pathsFile: apiFile, connections, seconds: 30, delayMs });
  await sleep(5_000);
  await cacheRedis.kill();
  const killedAt = Date.now();
  log("outage: the cache's Redis is down");
  const statusesWhileDown: Record<string, number> = {};
  while (Date.now() - killedAt < 7_000) {
    const status = await xCache();
    statusesWhileDown[status] = (statusesWhileDown[status] ?? 0) + 1;
    await sleep(100);
  }
  await cacheRedis.restart();
  const restartedAt = Date.now();
  log("outage: the cache's Redis is back");
  let hitAgainAfterMs: number | null = null;
  while (hitAgainAfterMs === null && Date.now() - restartedAt < 30_000) {
    if ((await xCache()) === "HIT") hitAgainAfterMs = Date.now() - restartedAt;
    else await sleep(100);
  }
  return {
    load: await load,
    delayMs: delayMs ?? 0,
    downForMs: restartedAt - killedAt,
    statusesWhileDown,
    hitAgainAfterMs,
  };
}
