import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { alternatedText, type Alternated } from "./alternated";
import type { LoadResult } from "./wrk";

/** The names the page view rows start with (scripts/bench/run.ts), for their ratio. */
export const PAGE_VIEWS_PLAIN = "product page view + GET /api/shopper";
export const PAGE_VIEWS_RECORDED = "product page view + POST /api/shopper (view recorded)";
/** The floor row of a route shaped like the product API (scripts/bench/run.ts). */
export const FLOOR_WITH_PARAMETER = "Next.js floor, a route with a path parameter (constant, same size)";

/** Writes bench/results.md (or results-<products>.md): machine, date, commands, and the side-by-side table with its ratios. */

export interface Row extends LoadResult {
  name: string;
  hitRatio: number | null;
  queriesPerRequest: number | null;
  /** Commands the cache's Redis ran per request (INFO commandstats), when counted. */
  redisCommandsPerRequest: number | null;
}

export interface Report {
  /** Where it goes: bench/results.md, or bench/results-<products>.md for another catalog size. */
  file: string;
  startedAt: Date;
  settings: string;
  querySource: string;
  productBytes: number;
  rows: Row[];
  /** The product API and the floor, alternated (alternated.ts). */
  alternated: Alternated;
  stampede: {
    requests: number;
    statuses: Record<string, number>;
    appLoads: number;
    postgresLoads: number;
    statementsPerLoad: number;
  };
  memory: { sampled: number; averageBytes: number; averageValueBytes: number };
  /** The live store's keys per active shopper (state Redis): the recently viewed list, this hour's counted set. */
  shopperMemory: Record<"list" | "counted", { sampled: number; averageBytes: number; averageProducts: number }>;
  outage: {
    /** Think time per connection; 0: flat out. */
    delayMs: number;
    downForMs: number;
    whole: LoadResult;
    phases: OutagePhase[];
    hitAgainAfterMs: number | null;
  }[];
}

export interface OutagePhase {
  name: string;
  load: LoadResult;
  /** Answers by status and X-Cache ("200 HIT"), or "no answer (<why>)". */
  answers: Record<string, number>;
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);
/** A number for a report's reader: thousands grouped (12,345), exactly `digits` decimals. */
export const grouped = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const shell = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
};

/** The machine, tool versions and commit a result was measured on (bench and Lighthouse reports). */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${fixed(os.totalmem() / 2 ** 30, 1)} GiB; ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${shell("redis-server", ["--version"]).split(" ").slice(0, 3).join(" ")}; ${shell("psql", ["--version"])}`,
    `- commit ${shell("git", ["rev-parse", "--short", "HEAD"])}`,
  ].join("\n");
}

function table(rows: Row[]): string {
  // Each row against the floor measured by the same load tool (wrk, or load.ts for the rows that name it).
  const tool = (row: Row) => (row.name.includes("load.ts") ? "load.ts" : "wrk");
  const floorOf = (row: Row) =>
    rows.find((other) => other.name.startsWith("Next.js floor") && tool(other) === tool(row))!.rps;
  const lines = [
    "| scenario | req/s | p50 ms | p99 ms | max ms | non-2xx | hit ratio | PG queries/req | Redis cmds/req | × floor |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const hit = row.hitRatio === null ? "–" : fixed(row.hitRatio, 4);
    const queries = row.queriesPerRequest === null ? "–" : fixed(row.queriesPerRequest, 4);
    const commands = row.redisCommandsPerRequest === null ? "–" : fixed(row.redisCommandsPerRequest, 2);
    lines.push(
      `| ${row.name} | ${fixed(row.rps)} | ${fixed(row.p50Ms, 2)} | ${fixed(row.p99Ms, 2)} | ${fixed(row.maxMs, 1)} | ${row.non2xx + row.socketErrors} | ${hit} | ${queries} | ${commands} | ${fixed(row.rps / floorOf(row), 2)}x |`,
    );
  }
  return lines.join("\n");
}

function outageLines(run: Report["outage"][number]): string {
  const { whole } = run;
  const how = run.delayMs === 0 ? "Flat out" : `With ${run.delayMs} ms think time per connection`;
  const hits =
    run.hitAgainAfterMs === null
      ? "hits did NOT come back"
      : `hits came back ${fixed(run.hitAgainAfterMs / 1000, 1)} s after the restart`;
  const lines = [
    `${how}: ${whole.requests} requests (${fixed(whole.rps)}/s), ${whole.non2xx} non-2xx, ${whole.socketErrors} without an`,
    `answer; p50 ${fixed(whole.p50Ms, 1)} ms, p99 ${fixed(whole.p99Ms, 1)} ms, **max ${fixed(whole.maxMs, 1)} ms**; Redis down ${fixed(run.downForMs / 1000, 1)} s (from the kill until it answered again); ${hits}.`,
    "",
    "| part of the run | requests | p99 ms | max ms | answers (status X-Cache) |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  for (const { name, load, answers } of run.phases)
    lines.push(
      `| ${name} | ${load.requests} | ${fixed(load.p99Ms, 1)} | ${fixed(load.maxMs, 1)} | ${JSON.stringify(answers)} |`,
    );
  return lines.join("\n");
}

export function writeReport(report: Report): void {
  const rps = (name: string) => report.rows.find((row) => row.name === name)!.rps;
  const { stampede, memory, shopperMemory, outage } = report;
  const views = (recorded: boolean) =>
    report.rows.filter((row) => row.name.startsWith(recorded ? PAGE_VIEWS_RECORDED : PAGE_VIEWS_PLAIN));
  const viewsPerSecond = (rows: Row[]) =>
    rows.reduce((sum, row) => sum + row.requests, 0) / rows.reduce((sum, row) => sum + row.seconds, 0);
  const text = `# Brisk benchmark results

Written by \`npm run bench\` (scripts/bench/run.ts) on ${report.startedAt.toISOString()}.

## Machine
${machine()}

## How
${report.settings}
- Postgres queries are counted by PostgreSQL (${report.querySource}), not by the app.
- The product answer is ${report.productBytes} bytes; the Next.js floor returns a constant of that size, from
  \`/api/bench/floor\`, and from \`/api/bench/floor/<slug>\` (over the same slugs as the product API): a route
  of the product API's shape, whose path parameter Next.js matches and hands over. Both are route handlers,
  which Next.js routes; a product answer the instance holds in memory (the route cache's entry in lib/cache's
  L1) is sent by proxy.ts before Next.js routes the request (lib/page-cache/memory-answer.ts), so the product
  API can pass the floor. Its other requests (the L1 keeps 5,000 entries, \`CACHE_L1_ENTRIES\`, the products'
  data among them) are routed, and served from Redis.

## Side by side, one run
${table(report.rows)}

Ratios:
- product API, cache on / cache off: **${fixed(rps("product API, cache on") / rps("product API, CACHE_MODE=off"), 2)}x** requests/s
- pages served from the route cache / the Next.js floor: product page **${fixed(rps("product page, route cache on") / rps("Next.js floor (constant, same size)"), 2)}x**, category page **${fixed(rps("category page, route cache on") / rps("Next.js floor (constant, same size)"), 2)}x**, home **${fixed(rps("home page, route cache on") / rps("Next.js floor (constant, same size)"), 2)}x**; search results **${fixed(rps("search results, route cache on") / rps("Next.js floor (constant, same size)"), 2)}x**
- product page, route cache on / off: **${fixed(rps("product page, route cache on") / rps("product page, PAGE_CACHE=off"), 2)}x**; route cache off / CACHE_MODE=off (data cache off too): ${fixed(rps("product page, PAGE_CACHE=off") / rps("product page, CACHE_MODE=off"), 2)}x
- product API (cache on) / Next.js floor: **${fixed(rps("product API, cache on") / rps("Next.js floor (constant, same size)"), 2)}x**; cache off / floor: ${fixed(rps("product API, CACHE_MODE=off") / rps("Next.js floor (constant, same size)"), 2)}x
- product API (cache on) / the floor of its own shape (a route with a path parameter): **${fixed(rps("product API, cache on") / rps(FLOOR_WITH_PARAMETER), 2)}x**; that floor / the floor without a parameter: ${fixed(rps(FLOOR_WITH_PARAMETER) / rps("Next.js floor (constant, same size)"), 2)}x
- product API (cache on) / Next.js floor, alternated (${alternatedText(report.alternated)}
- the same with load.ts (connections opened first): **${fixed(rps("product API, cache on, load.ts (connections opened first)") / rps("Next.js floor, load.ts (connections opened first)"), 2)}x**
- product page views with recently viewed and trending (the header's POST, the view recorded) / without (its GET), both rounds together: **${fixed(viewsPerSecond(views(true)) / viewsPerSecond(views(false)), 2)}x** page views/s
- Redis GET server / Next.js floor: ${fixed(rps("Node http + Redis GET only") / rps("Next.js floor (constant, same size)"), 2)}x

## State Redis per active shopper (recently viewed, trending)
After the page view rows: a recently viewed list holds ${fixed(shopperMemory.list.averageProducts, 1)} products on average and takes
${fixed(shopperMemory.list.averageBytes)} bytes (\`MEMORY USAGE\`, ${shopperMemory.list.sampled} lists); the set of products counted for trending in the hour
holds ${fixed(shopperMemory.counted.averageProducts, 1)} and takes ${fixed(shopperMemory.counted.averageBytes)} bytes (${shopperMemory.counted.sampled} sets, kept 2 hours). Each shopper of these rows viewed 10
products (a list holds at most 12).

## Stampede
${stampede.requests} concurrent requests for one cold product, split over two app instances:
${stampede.appLoads} lib/cache load(s) ran in the apps (the product's data, and the answer the route cache keeps);
${stampede.postgresLoads} product lookup(s) reached PostgreSQL
(${stampede.statementsPerLoad} statement(s) per lookup). Answers: ${JSON.stringify(stampede.statuses)}.

## Redis memory per cached product
\`MEMORY USAGE\` over ${memory.sampled} product entries: ${fixed(memory.averageBytes)} bytes on average
(${fixed(memory.averageValueBytes)} bytes of value).

## The cache's Redis stopped under load
32 connections on the product API of the second instance (warmed with the API only; the other instances
stopped, so that their garbage collection does not take the two cores) for 30 s; 5 s in, the
cache's Redis (its own instance) was killed with SIGKILL and started again 7 s later, the app untouched.
Once flat out (every connection sends its next request at once: the app saturated, as in the rows above),
once with think time per connection, a load the store serves without Redis too. The load is
scripts/bench/load.ts, which keeps every request: its connections are open before the run starts (see
How, above). A request counts in the part of the run in which it was sent.

${outage.map(outageLines).join("\n\n")}
`;
  mkdirSync("bench", { recursive: true });
  writeFileSync(report.file, text);
}
