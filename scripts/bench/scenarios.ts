import { performance } from "node:perf_hooks";
import Redis from "ioredis";
import type { ThrowawayRedis } from "@/tests/support/redis-server";
import { log } from "../services/shell";
import { cacheCounters, type AppServer } from "@/tests/support/app-server";
import type { PostgresStats } from "./postgres-stats";
import type { OutagePhase, Report } from "./report";
import { runLoad, summarize, type Sample } from "./load";

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

/**
 * What an active shopper keeps in the state Redis (the live store): their recently viewed list, and the
 * set of products counted for trending this hour, sampled over up to 500 of each.
 */
export async function measureShopperMemory(url: string, prefix: string): Promise<Report["shopperMemory"]> {
  const redis = new Redis(url);
  const [lists, counted]: [string[], string[]] = [[], []];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}viewed:*`, "COUNT", 1000);
    cursor = next;
    for (const key of found) (key.includes(":counted:") ? counted : lists).push(key);
  } while (cursor !== "0" && (lists.length < 500 || counted.length < 500));
  const average = async (keys: string[]) => {
    const sample = keys.slice(0, 500);
    const bytes = await Promise.all(sample.map((key) => redis.memory("USAGE", key, "SAMPLES", "0")));
    const sizes = await Promise.all(
      sample.map((key) => (key.includes(":counted:") ? redis.scard(key) : redis.zcard(key))),
    );
    const mean = (values: (number | null)[]) =>
      values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / Math.max(1, values.length);
    return { sampled: sample.length, averageBytes: mean(bytes), averageProducts: mean(sizes) };
  };
  const result = { list: await average(lists), counted: await average(counted) };
  redis.disconnect();
  return result;
}

/** One part of the outage run (before the kill, Redis down, after the restart): totals and answers. */
function phase(name: string, samples: Sample[]): OutagePhase {
  const answers: Record<string, number> = {};
  for (const sample of samples) {
    const key = sample.status === 0 ? `no answer (${sample.error})` : `${sample.status} ${sample.xCache ?? "-"}`;
    answers[key] = (answers[key] ?? 0) + 1;
  }
  return { name, load: summarize(samples), answers };
}

/**
 * The cache's Redis killed (SIGKILL) 5 s into a 30 s load and started again 7 s later, the app untouched.
 * Every request is kept (scripts/bench/load.ts), so the report gives the whole run and each part of it.
 */
export async function runOutage(options: {
  app: AppServer;
  cacheRedis: ThrowawayRedis;
  paths: string[];
  connections: number;
  delayMs?: number;
}): Promise<Report["outage"][number]> {
  const { app, cacheRedis, paths, connections, delayMs = 0 } = options;
  const load = runLoad({ origin: app.origin, paths, connections, seconds: 30, delayMs });
  await sleep(5_000);
  const killedAt = performance.now();
  await cacheRedis.kill();
  log("outage: the cache's Redis is down");
  await sleep(7_000);
  await cacheRedis.restart();
  const restartedAt = performance.now(); // when it answers again (starting and loading its AOF take ~1 s)
  log("outage: the cache's Redis is back");
  const samples = await load;
  const firstHit = samples
    .filter((sample) => sample.startMs >= restartedAt && sample.xCache === "HIT")
    .reduce((first, sample) => Math.min(first, sample.startMs + sample.ms), Infinity);
  return {
    delayMs,
    downForMs: restartedAt - killedAt,
    whole: summarize(samples),
    phases: [
      phase(
        "before the kill",
        samples.filter((sample) => sample.startMs < killedAt),
      ),
      phase(
        "Redis down",
        samples.filter((sample) => sample.startMs >= killedAt && sample.startMs < restartedAt),
      ),
      phase(
        "after the restart",
        samples.filter((sample) => sample.startMs >= restartedAt),
      ),
    ],
    hitAgainAfterMs: Number.isFinite(firstHit) ? firstHit - restartedAt : null,
  };
}
