import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import Redis from "ioredis";
import pg from "pg";
import { parseEnv } from "../../../lib/env";
import { buildIfChanged } from "../../run/build-if-changed";
import { ensureServices } from "../../services/ensure";
import { log } from "../../services/shell";
import { listingPaths, seededDatabase } from "../database";
import { PostgresStats } from "../postgres-stats";
import { measureActions } from "./actions";
import { Meter } from "./meter";
import type { Capacity } from "./model";
import { capacityReport } from "./report";
import { AppServer } from "@/tests/support/app-server";
import { ThrowawayRedis } from "@/tests/support/redis-server";

/**
 * `npm run bench:capacity`: what each shopper action costs, measured an action at a time (CONCURRENCY shoppers
 * doing it side by side) on one instance of the built app over a catalog of CAPACITY_PRODUCTS (50,000)
 * products: the app's CPU time, the commands and bytes of its Redis servers (state and cache, each a server
 * of this run's own), and PostgreSQL's statements.
 * Then what one Redis core and one PostgreSQL core serve here (redis-benchmark, pgbench), and from both the
 * model of scripts/bench/capacity/model.ts. Writes docs/capacity.md.
 */

const PRODUCTS = Number(process.env.CAPACITY_PRODUCTS ?? 50_000);
const PORT = 3306;
const OUTPUT = "docs/capacity.md";

/** Operations per second of a one-core Redis (GET and SET, 50 connections, no pipelining). */
function redisOpsPerCore(port: number): number {
  const run = spawnSync("redis-benchmark", ["-p", String(port), "-c", "50", "-n", "200000", "-t", "get,set", "--csv"], {
    encoding: "utf8",
  });
  const rates = [...run.stdout.matchAll(/^"(GET|SET)","([\d.]+)"/gm)].map((match) => Number(match[2]));
  if (rates.length !== 2) throw new Error(`redis-benchmark: ${run.stderr || run.stdout}`);
  return Math.min(...rates);
}

/** Read-only queries per second per core of PostgreSQL (pgbench -S over 8 connections, two cores shared). */
function postgresQueriesPerCore(url: string): number {
  const pgbench = (args: string[]) => spawnSync("pgbench", [...args, url], { encoding: "utf8" });
  const init = pgbench(["-i", "-s", "10", "-q"]);
  if (init.status !== 0) throw new Error(`pgbench -i: ${init.stderr}`);
  const run = pgbench(["-S", "-M", "prepared", "-c", "8", "-j", "2", "-T", "15"]);
  const tps = /tps = ([\d.]+)/.exec(run.stdout);
  if (!tps) throw new Error(`pgbench: ${run.stderr || run.stdout}`);
  // pgbench's client shares the two cores: count them both for the server, a figure on the low side.
  return Number(tps[1]) / 2;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const base = parseEnv(process.env);
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: "/brisk_capacity" }).toString();
  const pgbenchUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: "/brisk_pgbench" }).toString();
  await ensureServices({ extraDatabases: [databaseUrl, pgbenchUrl] });
  const [state, cache] = await Promise.all([ThrowawayRedis.start("state"), ThrowawayRedis.start("cache")]);
  const appEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: state.url,
    CACHE_REDIS_URL: cache.url,
    MEDIA_DIR: base.MEDIA_DIR,
  };
  const slugs = await seededDatabase(databaseUrl, appEnv, PRODUCTS);
  const { categories } = await listingPaths(databaseUrl);
  buildIfChanged();
  const instanceEnv = {
    ...appEnv,
    AUTH_DEV_MAILBOX: "1",
    TRUST_PROXY_HOPS: "1",
    // Background work on its own clock would count against whichever action runs then.
    ORDER_SWEEP_INTERVAL_MS: "3600000",
    BACK_IN_STOCK_INTERVAL_MS: "3600000",
  };
  // The other instance renders pages that the measured one then finds in the route cache's Redis.
  const [app, other] = await Promise.all([
    AppServer.start("the measured instance", PORT, instanceEnv),
    AppServer.start("the other instance", PORT + 1, instanceEnv),
  ]);
  const redis = [new Redis(state.url), new Redis(cache.url)];
  const postgres = await PostgresStats.open(databaseUrl);
  const meter = new Meter(app.pid, redis, postgres);
  await meter.calibrate();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const variants = (
    await db.query(
      "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.stock > 20 ORDER BY v.id DESC LIMIT 400",
    )
  ).rows.map((row) => row.id as number);
  await db.end();

  const { costs, counts } = await measureActions({ app, other, meter, postgres, slugs, categories, variants });

  await Promise.all([app.stop(), other.stop()]);
  for (const client of redis) client.disconnect();
  await postgres.close();
  log("measuring one Redis core (redis-benchmark) and PostgreSQL (pgbench -S)");
  const capacity: Capacity = {
    redisOpsPerCore: redisOpsPerCore(cache.port),
    postgresQueriesPerCore: postgresQueriesPerCore(pgbenchUrl),
  };
  await Promise.all([state.destroy(), cache.destroy()]);
  writeFileSync(OUTPUT, capacityReport({ startedAt, products: PRODUCTS, costs, counts, capacity }));
  log(`wrote ${OUTPUT}`);
}

main().catch((error: Error) => {
  console.error(`[brisk] bench:capacity failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
