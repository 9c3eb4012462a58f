import { performance } from "node:perf_hooks";
import Redis from "ioredis";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { makeSubject, type LibraryName, type Subject, type Tier } from "./subjects";
import { productValue } from "./value";
import { commandTotal } from "@/tests/support/redis-commands";

/**
 * One scenario for one library, in a process of its own (scripts/bench/cache-peers/run.ts starts it):
 * prints one JSON line with what it measured. REDIS_URL is the benchmark's throwaway Redis (empty at the
 * start); the Redis-down scenario starts, and kills, a Redis of its own.
 */

export type Scenario = "l1-hit" | "redis-hit-1" | "redis-hit-64" | "hot-key-64" | "stampede" | "redis-down" | "bytes";

export interface Throughput {
  ops: number;
  opsPerSecond: number;
  p50Us: number;
  p99Us: number;
  /** Commands Redis ran per operation during the measurement (INFO commandstats). */
  commandsPerOp: number | null;
  /** Loads during the measurement: 0, or the reads were not all hits. */
  loads: number;
  /** CPU time (user + system) this process spent per operation, and of it in the kernel. */
  cpuUsPerOp: number;
  systemUsPerOp: number;
}

const KEYS = 5_000;
const WARMUP_MS = 500;
/** Stampedes on other keys before the one measured. */
const STAMPEDE_WARMUPS = 10;
const MEASURE_MS = Number(process.env.BENCH_CACHE_MS ?? 2_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * A full collection before a short timed section (run.ts starts workers with --expose-gc): a collection
 * owed by the set-up must not land in a call that takes a millisecond, whichever library it is.
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const key = (i: number) => `product:${i}`;
let loads = 0;
const loadOf = (i: number) => async () => (loads++, productValue(i));

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `callers` loops, each reading the key `next(caller, i)` back to back: a warm-up, then the measurement. */
async function throughput(
  subject: Subject,
  callers: number,
  next: (caller: number, i: number) => number,
  admin: Redis | null,
): Promise<Throughput> {
  const run = async (ms: number, samples: number[] | null) => {
    const end = performance.now() + ms;
    let ops = 0;
    await Promise.all(
      Array.from({ length: callers }, async (_, caller) => {
        for (let i = 0; performance.now() < end; i++) {
          const n = next(caller, i);
          const started = performance.now();
          await subject.get(key(n), loadOf(n));
          samples?.push(performance.now() - started);
          ops++;
        }
      }),
    );
    return ops;
  };
  await run(WARMUP_MS, null);
  if (admin) await admin.config("RESETSTAT");
  const samples: number[] = [];
  const loadsBefore = loads;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const ops = await run(MEASURE_MS, samples);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const commands = admin ? await commandTotal(admin) : null;
  const sorted = Float64Array.from(samples).sort();
  return {
    ops,
    opsPerSecond: ops / seconds,
    p50Us: percentile(sorted, 50) * 1000,
    p99Us: percentile(sorted, 99) * 1000,
    commandsPerOp: commands === null ? null : commands / ops,
    loads: loads - loadsBefore,
    cpuUsPerOp: (cpu.user + cpu.system) / ops,
    systemUsPerOp: cpu.system / ops,
  };
}

/** Writes `count` products through the library itself, 64 at a time. */
async function populate(subject: Subject, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let i = next++; i < count; i = next++) await subject.get(key(i), loadOf(i));
    }),
  );
}

/**
 * A call that never answers must not hang the benchmark: it counts as `timeoutMs`, flagged. The clock runs
 * from the call until it settles; setting up and clearing the watchdog are outside it.
 */
async function timed(
  call: () => Promise<unknown>,
  timeoutMs = 15_000,
): Promise<{ ms: number; hung: boolean; failed: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), timeoutMs)));
  let ended = 0;
  const started = performance.now();
  const outcome = await Promise.race([
    call().then(
      () => ((ended = performance.now()), "ok" as const),
      () => ((ended = performance.now()), "failed" as const),
    ),
    watchdog,
  ]);
  clearTimeout(timer);
  const ms = (outcome === "hung" ? performance.now() : ended) - started;
  return { ms, hung: outcome === "hung", failed: outcome === "failed" };
}

async function run(library: LibraryName, scenario: Scenario, url: string): Promise<Record<string, unknown>> {
  const tier: Tier =
    scenario === "l1-hit" ? "memory" : ["stampede", "redis-down"].includes(scenario) ? "production" : "redis";
  if (scenario === "redis-down") return redisDown(library);
  const subject = await makeSubject(library, tier, url);
  const admin = new Redis(url);
  try {
    const base = { configuration: subject.describe };
    switch (scenario) {
      case "l1-hit": {
        await subject.get(key(1), loadOf(1));
        await subject.ready();
        await subject.get(key(1), loadOf(1));
        await subject.get(key(1), loadOf(1));
        return { ...base, ...(await throughput(subject, 1, () => 1, null)) };
      }
      case "redis-hit-1":
        await populate(subject, KEYS);
        return { ...base, ...(await throughput(subject, 1, (_, i) => i % KEYS, admin)) };
      case "redis-hit-64":
        await populate(subject, KEYS);
        return { ...base, ...(await throughput(subject, 64, (caller, i) => (caller + 64 * i) % KEYS, admin)) };
      case "hot-key-64":
        await populate(subject, 1);
        return { ...base, ...(await throughput(subject, 64, () => 0, admin)) };
      case "stampede": {
        // As in a process that has served a while: clients connected, Brisk's invalidation channel
        // subscribed, and the code warm: stampedes on other keys first, not measured. One was not enough for
        // V8 to have compiled the stampede's path past its first tiers (Brisk, 5 runs: 53.5-58.6 ms after one,
        // 51.9-52.8 after ten; cache-manager 52.6-56.2 and 51.9-55.3).
        await subject.get(key(1), loadOf(1));
        await subject.ready();
        const stampede = async (n: number) => {
          let stampedeLoads = 0;
          const load = async () => {
            stampedeLoads++;
            await sleep(50);
            return productValue(n);
          };
          collectGarbage();
          const started = performance.now();
          await Promise.all(Array.from({ length: 1_000 }, () => subject.get(key(n), load)));
          return { wallMs: performance.now() - started, loads: stampedeLoads };
        };
        for (let n = 0; n < STAMPEDE_WARMUPS; n++) await stampede(KEYS + n);
        return { ...base, ...(await stampede(42)) };
      }
      case "bytes": {
        const count = 1_000;
        await populate(subject, count);
        await writesLanded(admin, count);
        const keys: string[] = [];
        let cursor = "0";
        do {
          const [next, found] = await admin.scan(cursor, "COUNT", 1000);
          cursor = next;
          keys.push(...found);
        } while (cursor !== "0");
        let memory = 0;
        let stored = 0;
        for (const name of keys) {
          memory += (await admin.memory("USAGE", name, "SAMPLES", "0")) ?? 0;
          if ((await admin.type(name)) === "string") stored += await admin.strlen(name);
        }
        const sample = keys.find((name) => name.includes(key(7)));
        return {
          ...base,
          memoryPerEntry: memory / count,
          storedPerEntry: stored / count,
          keysPerEntry: keys.length / count,
          sampleKey: sample ?? null,
          valueJsonBytes: JSON.stringify(productValue(7)).length,
        };
      }
    }
    throw new Error(`unknown scenario ${scenario}`);
  } finally {
    admin.disconnect();
    await Promise.race([subject.close(), sleep(2_000)]);
  }
}

/**
 * Until Redis' key count holds still at `count` keys or more: a library may answer before its write has
 * landed (Brisk writes after it answers), and an entry not there yet would lower its bytes per entry.
 */
async function writesLanded(admin: Redis, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = -1;
  for (;;) {
    const size = await admin.dbsize();
    if (size === last && size >= count) return;
    if (Date.now() > deadline) throw new Error(`Redis holds ${size} keys for ${count} entries written`);
    last = size;
    await sleep(100);
  }
}

/** A warm key, then the library's Redis killed: the first call, the next 100, and how often it loaded. */
async function redisDown(library: LibraryName): Promise<Record<string, unknown>> {
  const server = await ThrowawayRedis.start("cache");
  const subject = await makeSubject(library, "production", server.url);
  let downLoads = 0;
  const load = async () => (downLoads++, productValue(9));
  await subject.get(key(9), load);
  await subject.ready();
  await subject.get(key(9), load);
  await subject.get(key(9), load);
  // The harness's own first run compiles `timed` and its closures: not in the measured call.
  await timed(() => Promise.resolve());
  await server.kill();
  await sleep(500); // every client has seen its connection close
  downLoads = 0;
  collectGarbage();
  const first = await timed(() => subject.get(key(9), load));
  let errors = first.failed ? 1 : 0;
  // The next 100 back to back under one watchdog (a timer per call would weigh more than some calls).
  collectGarbage();
  const next = first.hung
    ? { ms: 0, hung: true, failed: false }
    : await timed(async () => {
        for (let i = 0; i < 100; i++) await subject.get(key(9), load).catch(() => errors++);
      });
  const [next100, hung] = [next.ms, first.hung || next.hung];
  await Promise.race([subject.close(), sleep(2_000)]);
  await server.destroy();
  return { configuration: subject.describe, firstMs: first.ms, next100Ms: next100, loads: downLoads, errors, hung };
}

const { LIBRARY, SCENARIO, REDIS_URL } = process.env;
run(LIBRARY as LibraryName, SCENARIO as Scenario, REDIS_URL ?? "")
  .then((result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  })
  .catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
