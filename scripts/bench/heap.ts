import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../../lib/env";
import { buildIfChanged } from "../run/build-if-changed";
import { INSTANCE_MALLOC_ARENA_MAX, INSTANCE_NODE_OPTIONS } from "../run/standalone-server";
import { ensureServices } from "../services/ensure";
import { log } from "../services/shell";
import { listingPaths, seededDatabase } from "./database";
import { cpuMs, instanceMetrics, rssMb } from "./process-stats";
import { runLoad, summarize, warm } from "./load";
import { grouped, machine } from "./report";
import { AppServer } from "@/tests/support/app-server";
import { ThrowawayRedis } from "@/tests/support/redis-server";

/**
 * `npm run bench:heap`: one instance under the soak's pages (the home page, 1,000 product pages, the searches)
 * with V8's default heap, with Brisk's settings (scripts/run/standalone-server.ts: a larger young
 * generation), and with the old generation capped too (it held RSS flattest, and starved larger catalogs),
 * one after another on the same catalog. Per setting: requests served, RSS and the V8 heap's committed size
 * over the run (lowest and highest), collections and their time, CPU per request. Writes bench/heap.md.
 */

const SECONDS = Number(process.env.BENCH_HEAP_SECONDS ?? 90);
const SAMPLE_MS = 5_000;
const PORT = 3270;
const PRODUCTS = 5_000;
const OUTPUT = path.resolve(__dirname, "../../bench/heap.md");

const SETTINGS = [
  { name: "V8's defaults", nodeOptions: "" },
  { name: "Brisk's (young generation 64 MB)", nodeOptions: INSTANCE_NODE_OPTIONS },
  {
    name: "young 64 MB, old generation at most 320 MB",
    nodeOptions: "--max-semi-space-size=64 --max-old-space-size=320",
  },
];

interface Outcome {
  name: string;
  nodeOptions: string;
  requests: number;
  perSecond: number;
  /** Answers that were not 2xx/3xx, and socket errors. */
  failed: number;
  p50: number;
  p99: number;
  rss: [number, number];
  committed: [number, number];
  collections: { minor: number; major: number; seconds: number };
  cpuMsPerRequest: number;
}

/** The metrics this bench reads from an instance: heap committed, and collections by kind. */
async function metricsOf(origin: string) {
  const metric = await instanceMetrics(origin);
  const gc = (what: "count" | "sum", kind: string) =>
    metric(`brisk_nodejs_gc_duration_seconds_${what}{kind="${kind}"}`) ?? 0;
  return {
    committedMb: (metric("brisk_nodejs_heap_size_total_bytes") ?? 0) / 2 ** 20,
    minor: gc("count", "minor"),
    // A major collection's incremental marking is counted apart ("incremental"): one major, one of those.
    major: gc("count", "major"),
    seconds: ["minor", "major", "incremental"].reduce((sum, kind) => sum + gc("sum", kind), 0),
  };
}

async function measure(
  setting: (typeof SETTINGS)[number],
  env: Record<string, string>,
  paths: string[],
): Promise<Outcome> {
  log(`heap: ${setting.name} (NODE_OPTIONS="${setting.nodeOptions}")`);
  const app = await AppServer.start(setting.name, PORT, env, undefined, { nodeOptions: setting.nodeOptions });
  try {
    await warm(app.origin, paths, 8);
    const before = await metricsOf(app.origin);
    const cpuBefore = cpuMs(app.pid);
    const rss: number[] = [];
    const committed: number[] = [];
    const sample = async () => {
      rss.push(rssMb(app.pid));
      committed.push((await metricsOf(app.origin)).committedMb);
    };
    const sampler = setInterval(() => void sample(), SAMPLE_MS);
    const samples = await runLoad({ origin: app.origin, paths, connections: 8, seconds: SECONDS, delayMs: 10 });
    clearInterval(sampler);
    const after = await metricsOf(app.origin);
    const cpu = cpuMs(app.pid) - cpuBefore;
    const result = summarize(samples);
    const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
    return {
      ...setting,
      requests: samples.length,
      perSecond: result.rps,
      failed: result.non2xx + result.socketErrors,
      p50: result.p50Ms,
      p99: result.p99Ms,
      rss: range(rss),
      committed: range(committed),
      collections: {
        minor: after.minor - before.minor,
        major: after.major - before.major,
        seconds: after.seconds - before.seconds,
      },
      cpuMsPerRequest: cpu / samples.length,
    };
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const base = parseEnv(process.env);
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: "/brisk_bench" }).toString();
  await ensureServices({ extraDatabases: [databaseUrl] });
  const [state, cache] = await Promise.all([ThrowawayRedis.start("state"), ThrowawayRedis.start("cache")]);
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: state.url,
      CACHE_REDIS_URL: cache.url,
      MEDIA_DIR: base.MEDIA_DIR,
    };
    const slugs = (await seededDatabase(databaseUrl, env, PRODUCTS)).slice(0, 1_000);
    const { searches } = await listingPaths(databaseUrl);
    buildIfChanged();
    const paths = [
      "/",
      ...slugs.map((slug) => `/products/${slug}`),
      ...searches.slice(0, 20).map((word) => `/products?q=${word}`),
    ];
    const outcomes: Outcome[] = [];
    for (const setting of SETTINGS) outcomes.push(await measure(setting, env, paths));
    writeFileSync(OUTPUT, report(startedAt, outcomes, paths.length));
    log(`wrote ${OUTPUT}`);
  } finally {
    await Promise.all([state.destroy(), cache.destroy()]);
  }
}

function report(startedAt: Date, outcomes: Outcome[], pages: number): string {
  const mb = ([low, high]: [number, number]) => `${low.toFixed(0)} to ${high.toFixed(0)}`;
  const rows = outcomes.map(
    (o) =>
      `| ${o.name} | \`${o.nodeOptions || "(none)"}\` | ${grouped(o.perSecond)} | ${o.p50.toFixed(1)} / ${o.p99.toFixed(1)} | ${mb(o.rss)} | ${mb(o.committed)} | ${o.collections.minor} / ${o.collections.major} (${o.collections.seconds.toFixed(2)} s) | ${o.cpuMsPerRequest.toFixed(2)} | ${o.failed} |`,
  );
  const [defaults, brisk] = outcomes;
  return `# V8's heap for a store instance

Written by \`npm run bench:heap\` (scripts/bench/heap.ts) on ${startedAt.toISOString()}.

## Machine
${machine()}

## How
- One standalone server instance at a time, on the benchmark's catalog (database brisk_bench, ${grouped(PRODUCTS)}
  products) and Redis servers of the run's own; ${pages} pages (the home page, 1,000 product pages, searches),
  each rendered once first.
- Then ${SECONDS} s of load.ts: 8 connections, 10 ms between a connection's requests, paths drawn by Zipf.
- Every ${SAMPLE_MS / 1000} s: RSS (/proc) and the V8 heap's committed size (the instance's /api/metrics).
  Collections and their time: the instance's GC metrics over the run (the time of every kind, incremental
  marking included).
  CPU: user and system time of the instance (/proc) over the run, per request.
- Every setting also has the instances' \`MALLOC_ARENA_MAX=${INSTANCE_MALLOC_ARENA_MAX}\` (scripts/run/standalone-server.ts).

## Side by side, one run
| setting | NODE_OPTIONS | requests/s | p50 / p99 ms | RSS MB (lowest to highest) | V8 heap committed MB | collections minor / major (time) | CPU ms per request | failed |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

Brisk's settings against V8's defaults: **${(brisk.perSecond / defaults.perSecond).toFixed(2)}x** requests/s; RSS
swings over ${(brisk.rss[1] - brisk.rss[0]).toFixed(0)} MB against ${(defaults.rss[1] - defaults.rss[0]).toFixed(0)} MB.
`;
}

main().catch((error: Error) => {
  console.error(`[brisk] bench:heap failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
