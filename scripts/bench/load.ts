import http from "node:http";
import { performance } from "node:perf_hooks";
import type { LoadResult } from "./wrk";

/**
 * A closed-loop HTTP load that keeps every request (when it started, how long it took, its status and
 * X-Cache), for the outage run, which must be cut where Redis was killed and started again; wrk only gives
 * totals. Paths are drawn from the same Zipf distribution as scripts/bench/zipf.lua.
 *
 * The connections are opened before the run: each sends one request, and when all have answered they start
 * together. wrk opens them inside its measured run instead, and Node (libuv 1.45 and later) accepts one new
 * connection per event-loop turn, each turn serving every connection already open; on a saturated app the
 * last of 32 new connections waits about a second for its first answer, whatever the app does.
 */

export interface Sample {
  /** performance.now() when the request was sent. */
  startMs: number;
  ms: number;
  /** 0: no answer (socket error or the 10 s timeout). */
  status: number;
  xCache: string | null;
  /** Why there was no answer. */
  error?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Ranks 0..count-1, rank 0 the most likely, with weights 1 / (rank + 1)^s. */
export function zipfSampler(count: number, s = 1, random: () => number = Math.random): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= count; rank++) cumulative.push((total += 1 / rank ** s));
  return () => {
    const target = random() * total;
    let [low, high] = [0, count - 1];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function get(agent: http.Agent, origin: URL, path: string): Promise<Omit<Sample, "startMs" | "ms">> {
  return new Promise((resolve) => {
    const failed = (error: Error) => resolve({ status: 0, xCache: null, error: error.message });
    const request = http.get(
      { agent, host: origin.hostname, port: origin.port, path, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        response.resume();
        response.on("error", failed);
        response.on("end", () => {
          const xCache = response.headers["x-cache"];
          resolve({ status: response.statusCode ?? 0, xCache: typeof xCache === "string" ? xCache : null });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", failed);
  });
}

export async function runLoad(options: {
  origin: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Think time per connection between requests (ms): a load below saturation. */
  delayMs?: number;
  /** Ends the run early, when it settles (a load that lasts as long as some work does). */
  until?: Promise<unknown>;
}): Promise<Sample[]> {
  const { paths, connections, seconds, delayMs = 0 } = options;
  let ended = false;
  void options.until?.finally(() => (ended = true)).catch(() => undefined);
  const origin = new URL(options.origin);
  // One connection per worker, as wrk has: a shared agent hands out its most recent free socket, so with
  // think time most sockets would idle past the server's keep-alive timeout and reconnect mid-run.
  const agents = Array.from({ length: connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const nextPath = zipfSampler(paths.length);
  const send = async (agent: http.Agent): Promise<Sample> => {
    const startMs = performance.now();
    const answer = await get(agent, origin, paths[nextPath()]);
    return { startMs, ms: performance.now() - startMs, ...answer };
  };
  await Promise.all(agents.map(send));
  const samples: Sample[] = [];
  const endMs = performance.now() + seconds * 1000;
  await Promise.all(
    agents.map(async (agent) => {
      while (!ended && performance.now() < endMs) {
        samples.push(await send(agent));
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }),
  );
  for (const agent of agents) agent.destroy();
  return samples;
}

/**
 * Nearest rank, as wrk reports: the value in `sorted` (ascending) that this fraction of them did not
 * exceed; 0 for none.
 */
export const percentile = (sorted: number[], fraction: number): number =>
  sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;

/** wrk's totals for a set of samples. */
export function summarize(samples: Sample[]): LoadResult {
  const latencies = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (fraction: number) => percentile(latencies, fraction);
  let [first, last] = [Infinity, -Infinity];
  for (const sample of samples) {
    first = Math.min(first, sample.startMs);
    last = Math.max(last, sample.startMs + sample.ms);
  }
  const seconds = samples.length > 0 ? (last - first) / 1000 : 0;
  return {
    requests: samples.length,
    seconds,
    rps: seconds > 0 ? samples.length / seconds : 0,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: latencies.at(-1) ?? 0,
    non2xx: samples.filter((sample) => sample.status !== 0 && (sample.status < 200 || sample.status >= 400)).length,
    socketErrors: samples.filter((sample) => sample.status === 0).length,
  };
}

/** Runs `step` for every item, at most `concurrency` at a time (as that many clients would). */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  step: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await step(items[index], index);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Requests every path once, `concurrency` at a time: a warm cache, and a warm JIT, before a measurement. */
export async function warm(origin: string, paths: string[], concurrency = 16): Promise<void> {
  await inParallel(paths, concurrency, async (path) => (await fetch(origin + path)).arrayBuffer());
}
