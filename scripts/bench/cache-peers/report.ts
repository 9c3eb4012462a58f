import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { grouped } from "../report";
import { median, NAMES, ROWS, RUN_FIGURES, rowVerdict, type Result } from "./rows";
import { LIBRARIES, type LibraryName } from "./subjects";
import { productValue } from "./value";
import type { Scenario } from "./worker";

/** How `npm run bench:cache` writes its results (run.ts measures; rows.ts compares). */

const ROOT = path.resolve(__dirname, "../../..");

function versionOf(name: string): string {
  return JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
}

function machine(): string[] {
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  const redis = execFileSync("redis-server", ["--version"]).toString().trim();
  return [
    `- CPU: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${redis.split(" ").slice(0, 3).join(" ")}`,
    `- commit ${commit}; Brisk's lib/cache compiled with esbuild (as a production build compiles it)`,
    `- peers: bentocache ${versionOf("bentocache")}, cache-manager ${versionOf("cache-manager")} with keyv ${versionOf("keyv")} and @keyv/redis ${versionOf("@keyv/redis")} (node-redis ${versionOf("@redis/client")}), @epic-web/cachified ${versionOf("@epic-web/cachified")} with cachified-redis-adapter ${versionOf("cachified-redis-adapter")}; ioredis ${versionOf("ioredis")}`,
  ];
}

/** Every run of each scenario, per library. */
export type Runs = Record<Scenario, Record<LibraryName, Result[]>>;

/** The median of each numeric field over the runs; other fields from the first run. */
function medianOf(runs: Result[]): Result {
  const merged: Result = { ...runs[0] };
  for (const [field, value] of Object.entries(runs[0])) {
    if (typeof value === "number") merged[field] = median(runs.map((run) => run[field] as number));
  }
  merged.runs = runs.length;
  return merged;
}

/** Each scenario's medians, per library: the figures the table shows. */
export function mediansOf<S extends Scenario>(runs: Record<S, Record<LibraryName, Result[]>>) {
  return Object.fromEntries(
    Object.entries<Record<LibraryName, Result[]>>(runs).map(([scenario, byLibrary]) => [
      scenario,
      Object.fromEntries(LIBRARIES.map((library) => [library, medianOf(byLibrary[library])])),
    ]),
  ) as Record<S, Record<LibraryName, Result>>;
}

export interface ReportMeta {
  startedAt: Date;
  loadBefore: string;
  loadAfter: string;
  seconds: number;
  runs: number;
  scenarios: Scenario[];
}

/** bench/cache-peers.md: the machine, how it was measured, the medians side by side, every run. */
export function cachePeersReport(runs: Runs, meta: ReportMeta): string {
  const results = mediansOf(runs);
  const header = `| scenario | ${LIBRARIES.map((l) => NAMES[l]).join(" | ")} | Brisk at or ahead of the best peer |`;
  const lines = [header, `| --- | ${LIBRARIES.map(() => "---:").join(" | ")} | --- |`];
  for (const [scenario, row] of ROWS) {
    const of = results[scenario];
    let cells = LIBRARIES.map((l) => row.cell(of[l]));
    if (row.name.startsWith("Redis commands")) {
      const many = results["redis-hit-64"];
      cells = LIBRARIES.map((l) => `${row.cell(of[l])} / ${row.cell(many[l])}`);
    }
    lines.push(`| ${row.name} | ${cells.join(" | ")} | ${rowVerdict(row, runs[scenario])} |`);
  }
  const loadsDuringHits = (["redis-hit-1", "redis-hit-64", "hot-key-64"] as Scenario[]).flatMap((s) =>
    LIBRARIES.filter((l) => (results[s][l].loads as number) > 0).map((l) => `${NAMES[l]} (${s})`),
  );
  const configurations = (scenario: Scenario) =>
    LIBRARIES.map((l) => `  - ${NAMES[l]}: ${results[scenario][l].configuration}`).join("\n");
  const value = JSON.stringify(productValue(7)).length;
  return `# lib/cache and its peers, side by side

Written by \`npm run bench:cache\` (scripts/bench/cache-peers/run.ts) on ${meta.startedAt.toISOString()}, in ${grouped(meta.seconds)} s.

## Machine
${machine().join("\n")}
- load average (1, 5, 15 min) before: ${meta.loadBefore}; after: ${meta.loadAfter}

## How
- Every library caches the same value: a product as the catalog's API answers it, ${value} bytes of JSON with
  one Date (scripts/bench/cache-peers/value.ts), TTL 1 h, a day of grace (or stale-while-revalidate) where the
  library has it, and the tag \`product:<id>\` where it supports tags (Brisk, bentocache).
- One throwaway \`redis-server\`, configured as a cache's own Redis is (nothing on disk:
  scripts/services/redis.ts), for every library, emptied before each run;
  the Redis-down scenario starts one of its own per run and kills it (SIGKILL). The shared Redis is never touched.
- Each scenario for each library runs in a fresh process (scripts/bench/cache-peers/worker.ts), ${meta.runs} times, the
  libraries interleaved; each figure is the median of the ${meta.runs} runs. Throughput rows: a 0.5 s warm-up, then
  ${grouped(Number(process.env.BENCH_CACHE_MS ?? 2000) / 1000, 1)} s measured; p99 is per call, as the caller sees it.
- L1 hit: each library's in-process tier in front of Redis. Redis-hit rows and bytes: Redis only, no
  in-process tier (every read is a Redis hit; 5,000 keys written first through the library itself).
  Stampede and Redis down: each library as a storefront would run it (two tiers where it has them),
  hardened for an outage (no offline queue, circuit breakers where offered). The stampede is in one process
  (Brisk's lock also holds across processes; the peers' do not), after ten stampedes on other keys (the code
  warm, as in a process that has served a while).
- The stampede and each part of Redis down (a few milliseconds each) start after a full garbage collection,
  so that a collection owed by the set-up (1-3 ms on this machine) does not land in whichever call is timed.
  Redis down's first call is timed from the call until it settles, with the harness's own code run once
  before (its watchdog's set-up is outside the clock). It is a one-off of about 0.1 ms that varies by as much
  from run to run (Brisk alone, eleven runs on this machine: 0.07-0.20 ms).
- The last column compares Brisk with each peer run by run (scripts/bench/cache-peers/verdict.ts): each
  library's runs sorted, the best and the worst dropped; Brisk is **ahead** of a peer on a figure when its worst
  run left beats the peer's best, **behind** when its best is beaten by the peer's worst, and **level** (at the
  peer: the runs cannot tell them apart) when the two overlap. A row is "yes" when Brisk is behind no peer on
  any of its figures (ops/s and p99; wall time; first call and next 100; bytes), and names the peers it is
  only level with. Loads, failed or hung calls and commands per hit are counts, compared before the figures
  and over every run (one run that hung or loaded twice is enough).
- Redis commands are counted by Redis (INFO commandstats, reset before the measurement), divided by the calls.
- Bytes: 1,000 products written through the library; once Redis' key count holds still (a library may answer
  before its write lands: Brisk does), every key in Redis summed (MEMORY USAGE, SAMPLES 0: entries, tag
  data, anything else it writes), divided by 1,000; in brackets the stored string bytes.
- Configurations:
  - L1 hit:
${configurations("l1-hit").replace(/^ {2}/gm, "    ")}
  - Redis-hit rows and bytes:
${configurations("redis-hit-1").replace(/^ {2}/gm, "    ")}
  - Stampede and Redis down:
${configurations("redis-down").replace(/^ {2}/gm, "    ")}

## Side by side
${lines.join("\n")}

${loadsDuringHits.length > 0 ? `Loads ran during a hit measurement (not every read was a hit): ${loadsDuringHits.join(", ")}.` : "No load ran during any hit measurement: every read counted there was a hit."}

## Every run
${meta.scenarios
  .map(
    (scenario) =>
      `- ${scenario}: ${LIBRARIES.map((l) => `${NAMES[l]} [${runs[scenario][l].map(RUN_FIGURES[scenario]).join(", ")}]`).join("; ")}`,
  )
  .join("\n")}
`;
}
