import { writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Cluster } from "ioredis";
import pg from "pg";
import { parseEnv } from "../../lib/env";
import { clusterNodes } from "../../lib/redis/clients";
import { applyMigrations } from "../db/migrations";
import { startProductionShape } from "../cluster/production-shape";
import { buildIfChanged } from "../run/build-if-changed";
import { ensureLocalAuthEnv } from "../run/local-auth-env";
import { INSTANCE_MALLOC_ARENA_MAX, INSTANCE_NODE_OPTIONS } from "../run/standalone-server";
import { localOrigin } from "../run/serve";
import { ensureServices } from "../services/ensure";
import { ensurePackages } from "../services/packages";
import { log } from "../services/shell";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, postCheckout } from "@/tests/support/checkout-fixtures";
import { percentile, runLoad, warm } from "./load";
import { instanceMetrics, rssMb } from "./process-stats";
import { machine } from "./report";

/**
 * `npm run soak`: SOAK_MINUTES (10) of shoppers through the production shape (scripts/cluster: three
 * instances behind HAProxy, every Redis role on a 3+3 Redis Cluster), on the benchmark's database. Each
 * shopper signs in, then in turn browses (home, two product pages of 1,000), searches, adds to the cart and
 * checks out, with think time between steps; halfway it signs in anew as someone else. Before the load, each
 * instance serves every one of those pages once. Every 30 s: RSS per instance,
 * Redis connections (every node), PostgreSQL connections. Writes bench/soak.md.
 */

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SHOPPERS = 8;
const THINK_MS = 250;
const SAMPLE_MS = 30_000;
/** How long each instance serves the pages flat out before the load (V8 sizes its heap for the work). */
const HEAP_WARM_SECONDS = 30;
const ROOT = path.resolve(__dirname, "../..");

type Action = "home" | "product page" | "search" | "add to cart" | "sign in" | "checkout";
const timings = new Map<Action, number[]>();
const errors = new Map<Action, string[]>();

async function timed(action: Action, step: () => Promise<boolean | string>): Promise<void> {
  const started = performance.now();
  let outcome: boolean | string;
  try {
    outcome = await step();
  } catch (error) {
    outcome = (error as Error).message;
  }
  const list = timings.get(action) ?? [];
  list.push(performance.now() - started);
  timings.set(action, list);
  if (outcome !== true) errors.set(action, [...(errors.get(action) ?? []), String(outcome)]);
}

const ok = (response: Response, ...statuses: number[]) =>
  response.arrayBuffer().then(() => statuses.includes(response.status) || `status ${response.status}`);

async function shopper(origin: string, catalog: Catalog, endAt: number, n: number): Promise<void> {
  const sleep = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const halfway = Date.now() + (endAt - Date.now()) / 2;
  let client = new BrowserClient(origin);
  let signedInAgain = false;
  const signIn = () =>
    timed("sign in", async () => (await client.signIn(`soak-${n}-${randomUUID()}@example.com`), true));
  await signIn();
  while (Date.now() < endAt) {
    if (!signedInAgain && Date.now() > halfway) {
      signedInAgain = true;
      client = new BrowserClient(origin);
      await signIn();
    }
    await timed("home", async () => ok(await client.fetch("/"), 200));
    await sleep();
    for (let i = 0; i < 2; i++) {
      await timed("product page", async () => ok(await client.fetch(`/products/${pick(catalog.slugs)}`), 200));
      await sleep();
    }
    await timed("search", async () => ok(await client.fetch(`/products?q=${pick(catalog.words)}`), 200));
    await sleep();
    await timed("add to cart", async () => ok(await addToCart(client, pick(catalog.variants)), 200));
    await sleep();
    await timed("checkout", async () => {
      const { status } = await postCheckout(client, checkoutBody());
      return status === 201 || `status ${status}`;
    });
    await sleep();
  }
}

interface Catalog {
  slugs: string[];
  words: string[];
  variants: number[];
}

async function catalogOf(client: pg.Client): Promise<Catalog> {
  const rows = async (sql: string) => (await client.query(sql)).rows;
  return {
    slugs: (await rows("SELECT slug FROM products WHERE status = 'active' ORDER BY id LIMIT 1000")).map((r) => r.slug),
    words: (
      await rows("SELECT DISTINCT lower(split_part(name, ' ', 1)) AS word FROM products ORDER BY word LIMIT 40")
    ).map((r) => r.word),
    variants: (
      await rows(
        "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.stock > 10 ORDER BY v.id LIMIT 1000",
      )
    ).map((r) => r.id),
  };
}

/** An instance's memory as V8 sees it (MB), from its /api/metrics. */
async function memoryOf(port: number): Promise<{ used: number; committed: number; external: number }> {
  const metric = await instanceMetrics(`http://127.0.0.1:${port}`);
  const mb = (name: string) => (metric(`brisk_${name}`) ?? NaN) / 2 ** 20;
  return {
    used: mb("nodejs_heap_size_used_bytes"),
    committed: mb("nodejs_heap_size_total_bytes"),
    external: mb("nodejs_external_memory_bytes"),
  };
}

interface Sample {
  minute: number;
  rss: number[];
  heap: number[];
  /** The V8 heap's committed size, and memory outside it (RSS less that heap and V8's external memory). */
  committed: number[];
  native: number[];
  redis: number;
  postgres: number;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const base = parseEnv(process.env);
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: "/brisk_bench" }).toString();
  await ensureServices({ extraDatabases: [databaseUrl] });
  ensurePackages(["haproxy"]);
  await applyMigrations(databaseUrl);
  ensureLocalAuthEnv(localOrigin());
  buildIfChanged();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const catalog = await catalogOf(db);
  if (catalog.variants.length < 50) throw new Error("the benchmark database needs its catalog: run npm run bench once");
  const shape = await startProductionShape({
    instances: 3,
    port: 3250,
    env: {
      DATABASE_URL: databaseUrl,
      REDIS_KEY_PREFIX: "brisk-soak:",
      AUTH_DEV_MAILBOX: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    log,
  });
  const redis = new Cluster(clusterNodes(shape.nodes));
  await new Promise((resolve) => redis.once("ready", resolve));
  const samples: Sample[] = [];
  const sample = async () => {
    const clients = await Promise.all(
      redis.nodes("all").map(async (node) => Number(/connected_clients:(\d+)/.exec(await node.info("clients"))![1])),
    );
    const postgres = await db.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'brisk_bench'");
    const memory = await Promise.all(shape.instances.map(({ port }) => memoryOf(port)));
    const rss = shape.instances.map(({ server }) => rssMb(server.pid));
    samples.push({
      minute: (Date.now() - loadStart) / 60_000,
      rss,
      heap: memory.map((m) => m.used),
      committed: memory.map((m) => m.committed),
      native: memory.map((m, i) => rss[i] - m.committed - m.external),
      redis: clients.reduce((a, b) => a + b, 0),
      postgres: postgres.rows[0].n,
    });
    log(`soak: ${JSON.stringify(samples.at(-1))}`);
  };
  // Each instance renders, and caches in its memory, every page the shoppers will ask for; then serves them
  // flat out for a while, so that V8 has sized its heap for this work (at the shoppers' pace it takes most of
  // the run to get there). What grows after this is what the load adds, not a cache or a heap filling up.
  const pages = [
    "/",
    ...catalog.slugs.map((slug) => `/products/${slug}`),
    ...catalog.words.map((w) => `/products?q=${w}`),
  ];
  log(`soak: every page once on each instance (${catalog.slugs.length} products, ${catalog.words.length} searches)`);
  for (const { port } of shape.instances) {
    await warm(`http://127.0.0.1:${port}`, pages, 8);
    await runLoad({ origin: `http://127.0.0.1:${port}`, paths: pages, connections: 8, seconds: HEAP_WARM_SECONDS });
  }
  const loadStart = Date.now();
  const endAt = loadStart + MINUTES * 60_000;
  log(`soak: ${SHOPPERS} shoppers for ${MINUTES} minutes through ${shape.origin}`);
  await sample();
  const timer = setInterval(() => void sample(), SAMPLE_MS);
  try {
    await Promise.all(Array.from({ length: SHOPPERS }, (_, n) => shopper(shape.origin, catalog, endAt, n)));
  } finally {
    clearInterval(timer);
  }
  await sample();
  redis.disconnect();
  await db.end();
  await shape.stop();
  writeFileSync(path.join(ROOT, "bench", "soak.md"), report(startedAt, samples));
  log("wrote bench/soak.md");
}

function report(startedAt: Date, samples: Sample[]): string {
  const actions = [...timings.entries()].map(([action, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const failed = errors.get(action) ?? [];
    return `| ${action} | ${list.length} | ${failed.length} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.99).toFixed(1)} |`;
  });
  const totalErrors = [...errors.values()].reduce((sum, list) => sum + list.length, 0);
  const afterTwo = samples.filter((s) => s.minute >= 2);
  const growthOf = (pick: (s: Sample) => number[]) =>
    samples[0].rss.map((_, i) => {
      const [first, last] = [pick(afterTwo[0] ?? samples[0])[i], pick(afterTwo.at(-1) ?? samples[0])[i]];
      return first > 0 ? ((last - first) / first) * 100 : 0;
    });
  const [growth, heapGrowth] = [growthOf((s) => s.rss), growthOf((s) => s.heap)];
  const perInstance = (values: number[]) => values.map((v) => v.toFixed(0)).join(" / ");
  const spread = (pick: (s: (typeof samples)[number]) => number) =>
    afterTwo.length > 0 ? Math.max(...afterTwo.map(pick)) - Math.min(...afterTwo.map(pick)) : 0;
  const firstErrors = [...errors.entries()].flatMap(([action, list]) =>
    list.slice(0, 3).map((e) => `- ${action}: ${e}`),
  );
  return `# Soak: shoppers through the production shape

Written by \`npm run soak\` (scripts/bench/soak.ts) on ${startedAt.toISOString()}, ${MINUTES} minutes of load.

## Machine
${machine()}

## How
- \`npm run start:cluster\`'s shape (scripts/cluster/production-shape.ts): three standalone server instances behind
  HAProxy, every Redis role on a Redis Cluster of three masters with a replica each; PostgreSQL's database
  brisk_bench (the benchmark's catalog).
- First every page the shoppers ask for is requested once on each instance (rendered and cached in its
  memory), then served flat out for ${HEAP_WARM_SECONDS} s (8 connections), so that V8 has sized the instance's heap
  for this work: what grows afterwards is what the load adds. (At the shoppers' pace alone the heap's
  committed size took most of a 10-minute run to settle: +30 to +65 MB, the used heap flat.)
- Each instance runs with the settings every instance has (scripts/run/standalone-server.ts):
  \`NODE_OPTIONS="${INSTANCE_NODE_OPTIONS}"\`, \`MALLOC_ARENA_MAX=${INSTANCE_MALLOC_ARENA_MAX}\`.
- ${SHOPPERS} shoppers, each with its own cookies, think time ${THINK_MS / 2}-${(THINK_MS * 3) / 2} ms between steps: sign in (the
  dev mailbox's code), then in turn the home page, two product pages, a search, an add to the cart and a
  checkout (the test card); halfway each signs in anew as someone else.
- Every 30 s: RSS of each instance (/proc); from its /api/metrics its JavaScript heap in use, the heap's
  committed size, and what RSS holds outside the heap and V8's external memory (native: the allocator,
  code, stacks); Redis connections (connected_clients summed over the six nodes),
  PostgreSQL connections (pg_stat_activity for brisk_bench; the soak's own two included).

## Per action
| action | count | errors | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${actions.join("\n")}

## Over time
| minute | RSS per instance (MB) | JS heap in use | JS heap committed | native | Redis connections | PostgreSQL connections |
| ---: | --- | --- | --- | --- | ---: | ---: |
${samples.map((s) => `| ${s.minute.toFixed(1)} | ${[s.rss, s.heap, s.committed, s.native].map(perInstance).join(" | ")} | ${s.redis} | ${s.postgres} |`).join("\n")}

## Targets
- errors: **${totalErrors}** (target 0)${firstErrors.length > 0 ? `\n${firstErrors.join("\n")}` : ""}
- RSS growth after the first two minutes, per instance: **${growth.map((g) => `${g.toFixed(1)}%`).join(" / ")}** (target < 10%);
  the JavaScript heap in use: ${heapGrowth.map((g) => `${g.toFixed(1)}%`).join(" / ")}
- connections after the first two minutes, highest less lowest: Redis **${spread((s) => s.redis)}**, PostgreSQL **${spread((s) => s.postgres)}** (target: flat)
`;
}

main().catch((error: Error) => {
  console.error(`[brisk] soak failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
