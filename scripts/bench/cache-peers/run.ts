import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import Redis from "ioredis";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { redisAnswers } from "../../services/probe";
import { cachePeersReport, mediansOf, type Runs } from "./report";
import type { Result } from "./rows";
import { LIBRARIES, type LibraryName } from "./subjects";
import type { Scenario } from "./worker";

/**
 * `npm run bench:cache`: Brisk's lib/cache and its peers through the same scenarios, side by side: each
 * scenario for each library in a fresh process (worker.ts), three times, libraries interleaved; the median
 * of the three is reported. One throwaway redis-server for all (emptied before every run); the Redis-down
 * scenario starts and kills one of its own per run. Writes bench/cache-peers.md.
 */

const RUNS = 5;
const SCENARIOS: Scenario[] = [
  "l1-hit",
  "redis-hit-1",
  "redis-hit-64",
  "hot-key-64",
  "stampede",
  "redis-down",
  "bytes",
];
const ROOT = path.resolve(__dirname, "../../..");
const BUNDLE = path.join(ROOT, ".scratch", "bench-cache", "brisk.cjs");

const log = (message: string) => console.log(`[bench:cache] ${message}`);
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** Brisk compiled as a production build compiles lib/ (no development helpers around every function). */
async function bundleBrisk(): Promise<void> {
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  await build({
    entryPoints: [path.join(__dirname, "brisk-entry.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    alias: { "@": ROOT },
    outfile: BUNDLE,
    logLevel: "warning",
  });
}

function runWorker(library: LibraryName, scenario: Scenario, url: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(__dirname, "worker.ts")], {
      env: { ...process.env, LIBRARY: library, SCENARIO: scenario, REDIS_URL: url, BRISK_BUNDLE: BUNDLE },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line));
      else reject(new Error(`${library} ${scenario} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  log(`load average before: ${loadBefore}`);
  if (os.loadavg()[0] > 1.5) log("the machine is busy (1-min load average above 1.5): figures will be noisy");
  await bundleBrisk();
  const server = await ThrowawayRedis.start("cache");
  const admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
  admin.on("error", () => undefined);
  const runs = {} as Runs;
  try {
    for (const scenario of (process.env.BENCH_CACHE_SCENARIOS?.split(",") as Scenario[]) ?? SCENARIOS) {
      runs[scenario] = { brisk: [], bentocache: [], "cache-manager": [], cachified: [] };
      for (let run = 0; run < RUNS; run++) {
        for (const library of LIBRARIES) {
          // A shared machine may have its redis-servers stopped under us: start ours again, run again once.
          const attempt = async () => {
            if (!(await redisAnswers(server.url, 500))) {
              log("the benchmark's Redis stopped answering: starting it again");
              await server.restart();
            }
            await admin.flushall();
            return runWorker(library, scenario, server.url);
          };
          const result = await attempt().catch((error: Error) => {
            log(`${library} ${scenario} failed (${error.message.split("\n")[0]}): once more`);
            return attempt();
          });
          runs[scenario][library].push(result);
          log(`${scenario} ${library} #${run + 1}: ${JSON.stringify({ ...result, configuration: undefined })}`);
        }
      }
    }
  } finally {
    admin.disconnect();
    await server.destroy();
  }
  const loadAfter = loadAverage();
  log(`load average after: ${loadAfter}`);
  if (Object.keys(runs).length < SCENARIOS.length) {
    log("only some scenarios ran (BENCH_CACHE_SCENARIOS): bench/cache-peers.md left as it is");
    console.log(JSON.stringify(mediansOf(runs), null, 2));
    return;
  }
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  writeFileSync(
    path.join(ROOT, "bench", "cache-peers.md"),
    cachePeersReport(runs, { startedAt, loadBefore, loadAfter, seconds, runs: RUNS, scenarios: SCENARIOS }),
  );
  log("wrote bench/cache-peers.md");
}

main().catch((error: Error) => {
  console.error(`[bench:cache] failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
