import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "../env";
import { waitFor } from "@/tests/support/wait";
import { createCache } from "./cache";
import { testRedis } from "@/tests/support/test-redis";

// One load per key across processes: real OS processes, each with its own cache (in-process
// de-duplication cannot pass these), sharing the test Redis.
const redis = testRedis();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await redis.quit();
});

function names() {
  const id = randomUUID();
  const prefix = `${env.REDIS_KEY_PREFIX}test:${id}`;
  return { key: `stampede:${id}`, counter: `${prefix}:loads`, ready: `${prefix}:ready`, go: `${prefix}:go` };
}

function startWorker(keys: ReturnType<typeof names>, extra: Record<string, string>) {
  // One node process per worker (not npx, whose children would outlive a SIGKILL).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "../../tests/support/stampede-worker.ts")],
    {
      env: {
        ...process.env,
        REDIS_URL: env.CACHE_REDIS_URL,
        KEY: keys.key,
        COUNTER_KEY: keys.counter,
        READY_KEY: keys.ready,
        GO_KEY: keys.go,
        ...extra,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  const result = new Promise<{ statuses: Record<string, number>; values: string[] }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`worker exited ${code}`)))),
  );
  return { child, result };
}

const count = async (key: string) => Number((await redis.get(key)) ?? 0);

describe("one load per key across processes", () => {
  it("runs the loader once for 2 processes × 100 concurrent reads of a cold key", async () => {
    const keys = names();
    const workers = [0, 1].map(() => startWorker(keys, { CONCURRENCY: "100" }));
    await waitFor(async () => (await count(keys.ready)) === 2, 30_000, "both workers to reach the barrier");
    await redis.rpush(keys.go, "go", "go");
    const [first, second] = await Promise.all(workers.map((worker) => worker.result));
    expect(await count(keys.counter)).toBe(1);
    // Everyone got the one loaded value: one process loaded it (MISS), the other waited for it (HIT).
    expect(new Set([...first.values, ...second.values]).size).toBe(1);
    const total = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
    expect(total(first.statuses) + total(second.statuses)).toBe(200);
  }, 60_000);

  it("lets a waiter take over when the lock's holder dies", async () => {
    const keys = names();
    const holder = startWorker(keys, { HANG: "1", LOCK_TTL_MS: "800" });
    holder.result.catch(() => undefined); // it is killed, on purpose
    await waitFor(async () => (await count(keys.ready)) === 1, 30_000, "the holder to start");
    await redis.rpush(keys.go, "go");
    await waitFor(
      async () => (await count(keys.counter)) === 1,
      10_000,
      "the holder to take the lock and start loading",
    );

    // The workers' prefix (tests/support/stampede-worker.ts): the same lock and entry.
    const waiter = createCache({ redis: () => redis, keyPrefix: env.REDIS_KEY_PREFIX, lockTtlMs: 800 });
    const read = waiter.getOrSet({
      key: keys.key,
      ttl: 60,
      load: async () => (await redis.incr(keys.counter), "loaded by the waiter"),
    });
    holder.child.kill("SIGKILL");
    expect(await read).toEqual({ value: "loaded by the waiter", status: "MISS" });
    expect(await count(keys.counter)).toBe(2);
  }, 60_000);
});
