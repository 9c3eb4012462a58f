import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { parseEnv } from "../../lib/env";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { deleteByPattern } from "../../lib/redis/scan";
import { buildIfChanged } from "../run/build-if-changed";
import { ensureServices } from "../services/ensure";
import { ensurePackages } from "../services/packages";
import { log } from "../services/shell";
import { AppServer, cacheCounters } from "@/tests/support/app-server";
import { commandTotal } from "@/tests/support/redis-commands";
import { listingPaths, seededDatabase } from "./database";
import { PostgresStats } from "./postgres-stats";
import { FLOOR_WITH_PARAMETER, PAGE_VIEWS_PLAIN, PAGE_VIEWS_RECORDED, writeReport, type Row } from "./report";
import { runAlternated } from "./alternated";
import { measureMemory, measureShopperMemory, runOutage, runStampede } from "./scenarios";
import { runLoad, summarize, warm } from "./load";
import { runPageViews } from "./page-views";
import { runWrk, type LoadResult } from "./wrk";

/**
 * `npm run bench`: Brisk against the standalone server on a catalog of 5,000 products (BENCH_PRODUCTS), every comparison side by side
 * in one run: the product API with the cache on and off; product, category and home pages from the route
 * cache, rendered per request (PAGE_CACHE=off) and with every cache off; search results; the Next.js floor, a bare Redis GET
 * server, a stampede through two instances, Redis memory per product, and the cache's Redis killed under
 * load. Writes bench/results.md. Uses a database (brisk_bench) and a cache Redis of its own.
 */

/** The catalog's size; another than 5,000 (BENCH_PRODUCTS) has a database and a report of its own. */
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 5_000);
const SUFFIX = PRODUCTS === 5_000 ? "" : `-${PRODUCTS}`;
const REPORT_FILE = `bench/results${SUFFIX}.md`;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const KEY_PREFIX = "brisk-bench:";
const OPENED_FIRST = "load.ts (connections opened first)";

/** A fixed shuffle: Zipf rank 1 is some product, not the newest one. */
function shuffled<T>(items: T[]): T[] {
  const result = [...items];
  let state = 42;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** Paths to request, and the same written to a file for wrk's script. */
interface Paths {
  list: string[];
  file: string;
}

function benchPaths(name: string, list: string[]): Paths {
  const file = path.join(os.tmpdir(), `brisk-bench-${name}.txt`);
  writeFileSync(file, list.join("\n") + "\n");
  return { list, file };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const base = parseEnv(process.env);
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), {
    pathname: `/brisk_bench${SUFFIX.replace("-", "_")}`,
  }).toString();
  await ensureServices({ extraDatabases: [databaseUrl] });
  ensurePackages(["wrk"]);
  const cacheRedis = await ThrowawayRedis.start("cache");
  const appEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: base.REDIS_URL,
    CACHE_REDIS_URL: cacheRedis.url,
    REDIS_KEY_PREFIX: KEY_PREFIX,
    MEDIA_DIR: base.MEDIA_DIR,
  };
  const slugs = shuffled(await seededDatabase(databaseUrl, appEnv, PRODUCTS));
  const cold = slugs.pop()!; // kept out of every load run, for the stampede
  buildIfChanged();
  const api = slugs.map((slug) => `/api/products/${slug}`);
  const pages = slugs.map((slug) => `/products/${slug}`);
  const [apiPaths, pagePaths] = [benchPaths("api", api), benchPaths("pages", pages)];
  const listings = await listingPaths(databaseUrl);
  const categoryPaths = benchPaths(
    "categories",
    listings.categories.map((slug) => `/categories/${slug}`),
  );
  const homePaths = benchPaths("home", ["/"]);
  const searchPaths = benchPaths(
    "search",
    listings.searches.map((word) => `/products?q=${word}`),
  );

  const off = await AppServer.start("the cache-off instance", 3302, { ...appEnv, CACHE_MODE: "off" });
  const sizes = await Promise.all(
    api.slice(0, 25).map(async (p) => (await (await fetch(off.origin + p)).text()).length),
  );
  const productBytes = sizes.sort((a, b) => a - b)[12];
  const benchEnv = { ...appEnv, BENCH_ROUTES: "1", BENCH_FLOOR_BYTES: String(productBytes) };
  const [on, second, pagesOff] = await Promise.all([
    AppServer.start("the cache-on instance", 3301, benchEnv),
    AppServer.start("the second cache-on instance", 3303, benchEnv),
    AppServer.start("the route-cache-off instance", 3305, { ...benchEnv, PAGE_CACHE: "off" }),
  ]);
  const redisGet = spawn(process.execPath, ["--import", "tsx", "scripts/bench/redis-get-server.ts"], {
    env: { ...process.env, PORT: "3304", REDIS_URL: cacheRedis.url, ENTRY_PREFIX: `${KEY_PREFIX}cache:product:` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve) => redisGet.stdout.once("data", resolve));
  const stats = await PostgresStats.open(databaseUrl);
  const cacheAdmin = new Redis(cacheRedis.url); // counts the cache Redis' commands for each row

  /** A row: wrk over the paths, or scripts/bench/load.ts (connections opened first). */
  const measure = async (
    name: string,
    origin: string,
    paths: Paths,
    counted: AppServer | null,
    tool: "wrk" | "load.ts" | ((seconds: number) => Promise<LoadResult>) = "wrk",
  ): Promise<Row> => {
    const load = async (seconds: number) =>
      typeof tool === "function"
        ? tool(seconds)
        : tool === "load.ts"
          ? summarize(await runLoad({ origin, paths: paths.list, connections: CONNECTIONS, seconds }))
          : runWrk({ origin, pathsFile: paths.file, connections: CONNECTIONS, seconds });
    await load(3); // JIT and pools warm
    await stats.settle(); // requests still queued from the warm-up would count against this run
    const before = counted ? await cacheCounters(counted.origin) : null;
    const queriesBefore = await stats.queries();
    const commandsBefore = await commandTotal(cacheAdmin);
    const result = await load(SECONDS);
    const queries = (await stats.queries()) - queriesBefore;
    const commands = (await commandTotal(cacheAdmin)) - commandsBefore;
    let hitRatio: number | null = null;
    if (before && counted) {
      const after = await cacheCounters(counted.origin);
      const delta = (result: string) => (after[result] ?? 0) - (before[result] ?? 0);
      const results = ["hit", "miss", "stale", "bypass", "error"];
      const total = results.reduce((sum, r) => sum + delta(r), 0);
      hitRatio = total > 0 ? delta("hit") / total : null;
      log(`${name}: cache answers ${results.map((r) => `${r} ${delta(r)}`).join(", ")}; loads ${delta("load_ok")}`);
    }
    log(`${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms`);
    return {
      name,
      ...result,
      hitRatio,
      queriesPerRequest: origin === "http://127.0.0.1:3304" ? null : queries / result.requests,
      redisCommandsPerRequest: commands / result.requests,
    };
  };

  log("warming the caches: every product once, through the API and the page");
  // The two cache-on instances share the cache's Redis (the route cache too): each fills half, side by side
  // (rendering 50,000 pages on one instance takes half an hour here).
  const everything = [...api, ...pages];
  await Promise.all(
    [on, second].map((app, i) =>
      warm(
        app.origin,
        everything.filter((_, n) => n % 2 === i),
      ),
    ),
  );
  const rows: Row[] = [];
  const floorPaths = benchPaths("floor", ["/api/bench/floor"]);
  rows.push(await measure("Next.js floor (constant, same size)", on.origin, floorPaths, null));
  // The floor of the product API's shape: a path parameter (Next.js matches and hands it over), same answer.
  const shapedFloorPaths = benchPaths(
    "floor-shaped",
    slugs.map((slug) => `/api/bench/floor/${slug}`),
  );
  rows.push(await measure(FLOOR_WITH_PARAMETER, on.origin, shapedFloorPaths, null));
  rows.push(await measure("Node http + Redis GET only", "http://127.0.0.1:3304", apiPaths, null));
  rows.push(await measure("product API, cache on", on.origin, apiPaths, on));
  rows.push(await measure(`Next.js floor, ${OPENED_FIRST}`, on.origin, floorPaths, null, "load.ts"));
  rows.push(await measure(`product API, cache on, ${OPENED_FIRST}`, on.origin, apiPaths, on, "load.ts"));
  // The same two, alternated (alternated.ts).
  const alternated = await runAlternated({
    origin: on.origin,
    floorFile: floorPaths.file,
    apiFile: apiPaths.file,
    connections: CONNECTIONS,
    log,
  });
  rows.push(await measure("product API, CACHE_MODE=off", off.origin, apiPaths, null));
  redisGet.kill(); // before the outage below, which it would only log about
  // Pages: served from the route cache (every page rendered once first), rendered per request with the data
  // cache on (PAGE_CACHE=off), and with every cache off.
  const pageRows: [string, Paths][] = [
    ["product page", pagePaths],
    ["category page", categoryPaths],
    ["home page", homePaths],
  ];
  for (const [name, paths] of pageRows) {
    await warm(on.origin, paths.list);
    await warm(pagesOff.origin, paths.list.slice(0, 100)); // the JIT; it caches no page
    rows.push(await measure(`${name}, route cache on`, on.origin, paths, on));
    rows.push(await measure(`${name}, PAGE_CACHE=off`, pagesOff.origin, paths, pagesOff));
  }
  // Product page views as a browser makes them (scripts/bench/page-views.ts): the page and the header's
  // question, without the view recorded and with it, in two alternating rounds.
  // The live store's keys of earlier runs (lists live 30 days) are not this run's shoppers.
  const stateAdmin = new Redis(base.REDIS_URL);
  for (const pattern of [`${KEY_PREFIX}viewed:*`, `${KEY_PREFIX}trend:*`]) await deleteByPattern(stateAdmin, pattern);
  stateAdmin.disconnect();
  const pageViews = (recordViews: boolean) => (seconds: number) =>
    runPageViews({ origin: on.origin, slugs, connections: CONNECTIONS, seconds, recordViews });
  for (const round of [1, 2]) {
    for (const [name, recordViews] of [
      [PAGE_VIEWS_PLAIN, false],
      [PAGE_VIEWS_RECORDED, true],
    ] as const) {
      rows.push(
        await measure(`${name}, round ${round}, ${OPENED_FIRST}`, on.origin, pagePaths, null, pageViews(recordViews)),
      );
    }
  }
  const shopperMemory = await measureShopperMemory(base.REDIS_URL, KEY_PREFIX);
  rows.push(await measure("product page, CACHE_MODE=off", off.origin, pagePaths, null));
  await warm(on.origin, searchPaths.list);
  rows.push(await measure("search results, route cache on", on.origin, searchPaths, on));
  cacheAdmin.disconnect(); // before the outage below kills that Redis

  await stats.settle();
  const stampede = await runStampede({ instances: [on, second], slug: cold, stats });
  const memory = await measureMemory(cacheRedis.url, `${KEY_PREFIX}cache:product:*`);
  // The outage runs on the second instance, warmed with the API only, and alone: the first one's heap
  // carries every product page rendered above, and its major collections (up to 0.9 s, even idle, on
  // parallel threads) take both cores from the instance under test.
  await Promise.all([on.stop(), off.stop(), pagesOff.stop()]);
  await warm(second.origin, api);
  const outage = [await runOutage({ app: second, cacheRedis, paths: api, connections: CONNECTIONS })];
  // Think time for about two thirds of what the store serves from PostgreSQL alone (the cache-off row).
  const offRps = rows.find((row) => row.name === "product API, CACHE_MODE=off")!.rps;
  const delayMs = Math.round((CONNECTIONS / (offRps * 0.66)) * 1000);
  outage.push(await runOutage({ app: second, cacheRedis, paths: api, connections: CONNECTIONS, delayMs }));

  writeReport({
    file: REPORT_FILE,
    startedAt,
    settings: [
      `- \`npm run bench\`: wrk, 1 thread, ${CONNECTIONS} connections, ${SECONDS} s per scenario after a 3 s warm-up run,`,
      `  paths drawn from a Zipf distribution (s = 1) over ${slugs.length} active products in a fixed shuffled order.`,
      `- Apps: the standalone server (production build); cache on at :3301 and :3303, \`CACHE_MODE=off\` at :3302; all on the`,
      `  same PostgreSQL (database ${new URL(databaseUrl).pathname.slice(1)}) and, for the cache, a Redis of the benchmark's own, configured as`,
      "  a cache's own Redis is (nothing on disk: scripts/services/redis.ts).",
      "- Before the cache-on runs every product is requested once (a warm cache, as at steady state; the product",
      "  API's answers are kept in the route cache, as pages are); before each page row every page of the row is",
      "  requested once on its instance (rendered once into the route cache).",
      "- Redis commands are those the cache's Redis ran during the row (INFO commandstats), per request.",
      "- PAGE_CACHE=off rows render per request, but Next.js shares one render among the requests for the same",
      "  address that arrive while it runs: the home page (one address, 32 connections) is mostly such shares.",
      "- Search results: 40 words, each `/products?q=<word>`, served from the route cache once rendered.",
      `- The rows marked "${OPENED_FIRST}" use scripts/bench/load.ts instead of wrk, and are compared with the`,
      "  floor measured the same way. load.ts opens the 32 connections before measuring; wrk opens them inside",
      "  its run. Node (libuv 1.45 and later) accepts one new connection per event-loop turn, and each turn serves",
      "  every connection already open, so on a saturated app the last of 32 new connections waits about 32²/2",
      "  requests' time (about a second here) for its first answer: wrk's max, and part of its p99, is that opening.",
      "- Product page view rows (scripts/bench/page-views.ts): one sample is a page view as a browser makes it, the",
      "  page and then the header's question (`GET /api/shopper`, or `POST /api/shopper?viewing=<slug>`, which records",
      "  the view for recently viewed and trending); req/s is page views/s, two requests each. Every connection is",
      "  a shopper with their own cookies who views 10 products and leaves, a new shopper taking the connection.",
      "  Their Redis commands/req count the cache's Redis only; recording a view runs on the state Redis.",
    ].join("\n"),
    querySource: stats.source,
    productBytes,
    rows,
    alternated,
    stampede,
    memory,
    shopperMemory,
    outage,
  });
  log(`wrote ${REPORT_FILE}`);

  await Promise.all([second.stop(), stats.close()]);
  await cacheRedis.destroy();
}

main().catch((error: Error) => {
  console.error(`[brisk] benchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
