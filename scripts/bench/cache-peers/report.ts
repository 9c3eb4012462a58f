import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { grouped } from "../report";
import { LIBRARIES, type LibraryName } from "./subjects";
import { productValue } from "./value";
import type { Scenario } from "./worker";

/** How `npm run bench:cache` writes its results (run.ts measures). */

export type Result = Record<string, number | string | boolean | null>;

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

const NAMES: Record<LibraryName, string> = {
  brisk: "Brisk lib/cache",
  bentocache: "bentocache",
  "cache-manager": "cache-manager",
  cachified: "cachified",
};

export type Results = Record<Scenario, Record<LibraryName, Result>>;

const opsCell = (r: Result) =>
  `${grouped(r.opsPerSecond as number)} ops/s (p99 ${grouped((r.p99Us as number) / 1000, 2)} ms)`;
const l1Cell = (r: Result) => `${grouped(r.opsPerSecond as number)} ops/s (p99 ${grouped(r.p99Us as number, 1)} µs)`;

interface Row {
  name: string;
  cell: (r: Result) => string;
  /** Brisk at or ahead of every peer on this row. */
  ahead: (brisk: Result, peer: Result) => boolean;
}

const throughputAhead = (b: Result, p: Result) =>
  (b.opsPerSecond as number) >= (p.opsPerSecond as number) && (b.p99Us as number) <= (p.p99Us as number);

const ROWS: [Scenario, Row][] = [
  ["l1-hit", { name: "L1 hit (1 caller, one key)", cell: l1Cell, ahead: throughputAhead }],
  ["redis-hit-1", { name: "Redis hit, 1 caller (5,000 keys in turn)", cell: opsCell, ahead: throughputAhead }],
  ["redis-hit-64", { name: "Redis hit, 64 callers, distinct keys", cell: opsCell, ahead: throughputAhead }],
  ["hot-key-64", { name: "Redis hit, 64 callers, one hot key", cell: opsCell, ahead: throughputAhead }],
  [
    "redis-hit-1",
    {
      name: "Redis commands per hit (1 caller / 64 callers), counted by Redis",
      cell: (r) => `${grouped(r.commandsPerOp as number, 2)}`,
      // At the precision shown: Brisk's figure includes the TIME it sends once a second for its clock.
      ahead: (b, p) =>
        Number((b.commandsPerOp as number).toFixed(2)) <= Math.max(1, Number((p.commandsPerOp as number).toFixed(2))),
    },
  ],
  [
    "stampede",
    {
      name: "Stampede: 1,000 callers, a 50 ms loader (wall time, loads)",
      cell: (r) => `${grouped(r.wallMs as number, 1)} ms, ${r.loads} load${r.loads === 1 ? "" : "s"}`,
      ahead: (b, p) => b.loads === 1 && (p.loads !== 1 || (b.wallMs as number) <= (p.wallMs as number)),
    },
  ],
  [
    "redis-down",
    {
      name: "Redis down, warm key: first call / next 100 / loader runs (calls that failed)",
      cell: (r) =>
        `${grouped(r.firstMs as number, 2)} ms / ${grouped(r.next100Ms as number, 1)} ms / ${r.loads}` +
        `${(r.errors as number) > 0 ? ` (${r.errors} of 101 failed)` : ""}${r.hung ? " (hung)" : ""}`,
      // Against a peer whose calls failed, answering at all is ahead; otherwise as fast, loading no more.
      ahead: (b, p) =>
        !b.hung &&
        b.errors === 0 &&
        ((p.errors as number) > 0 ||
          ((b.loads as number) <= (p.loads as number) &&
            (b.firstMs as number) <= (p.firstMs as number) &&
            (b.next100Ms as number) <= (p.next100Ms as number))),
    },
  ],
  [
    "bytes",
    {
      name: "Redis bytes per entry (MEMORY USAGE; stored bytes)",
      cell: (r) => `${grouped(r.memoryPerEntry as number)} B (${grouped(r.storedPerEntry as number)} B)`,
      ahead: (b, p) => (b.memoryPerEntry as number) <= (p.memoryPerEntry as number),
    },
  ],
];

export interface ReportMeta {
  startedAt: Date;
  loadBefore: string;
  loadAfter: string;
  seconds: number;
  runs: number;
  scenarios: Scenario[];
  /** Each run's headline figure (`headline`), per scenario and library: the spread behind the medians. */
  rawRuns: RawRuns;
}

/** bench/cache-peers.md: the machine, how it was measured, the medians side by side, every run. */
export function cachePeersReport(results: Results, meta: ReportMeta): string {
  const header = `| scenario | ${LIBRARIES.map((l) => NAMES[l]).join(" | ")} | Brisk at or ahead of the best peer |`;
  const lines = [header, `| --- | ${LIBRARIES.map(() => "---:").join(" | ")} | --- |`];
  for (const [scenario, row] of ROWS) {
    const of = results[scenario];
    let cells = LIBRARIES.map((l) => row.cell(of[l]));
    if (row.name.startsWith("Redis commands")) {
      const many = results["redis-hit-64"];
      cells = LIBRARIES.map((l) => `${row.cell(of[l])} / ${row.cell(many[l])}`);
    }
    const peers = LIBRARIES.filter((l) => l !== "brisk");
    const ahead = peers.every((peer) => row.ahead(of.brisk, of[peer]));
    lines.push(`| ${row.name} | ${cells.join(" | ")} | ${ahead ? "yes" : "**no**"} |`);
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
  (Brisk's lock also holds across processes; the peers' do not).
- The stampede and each part of Redis down (a few milliseconds each) start after a full garbage collection,
  so that a collection owed by the set-up (1-3 ms on this machine) does not land in whichever call is timed.
  Redis down's first call is timed from the call until it settles, with the harness's own code run once
  before (its watchdog's set-up is outside the clock). It is a one-off of about 0.1 ms that varies by as much
  from run to run (Brisk alone, eleven runs on this machine: 0.07-0.20 ms).
- Redis commands are counted by Redis (INFO commandstats, reset before the measurement), divided by the calls.
- Bytes: 1,000 products written through the library; every key in Redis summed (MEMORY USAGE, SAMPLES 0:
  entries, tag data, anything else it writes), divided by 1,000; in brackets the stored string bytes.
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
      `- ${scenario}: ${LIBRARIES.map((l) => `${NAMES[l]} ${JSON.stringify(meta.rawRuns[scenario]?.[l] ?? [])}`).join("; ")}`,
  )
  .join("\n")}
`;
}

export type RawRuns = Partial<Record<Scenario, Partial<Record<LibraryName, number[]>>>>;

/** The headline figure of one run, kept to show the spread. */
export function headline(scenario: Scenario, result: Result): number {
  const field = {
    "l1-hit": "opsPerSecond",
    "redis-hit-1": "opsPerSecond",
    "redis-hit-64": "opsPerSecond",
    "hot-key-64": "opsPerSecond",
    stampede: "wallMs",
    "redis-down": "next100Ms",
    bytes: "memoryPerEntry",
  }[scenario];
  return Math.round(result[field] as number);
}
