import { spawn } from "node:child_process";
import path from "node:path";

/** Runs wrk with the Zipf script (scripts/bench/zipf.lua) and reads its one-line JSON result. */

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses that were not 2xx/3xx, and socket errors (connect, read, write, timeout). */
  non2xx: number;
  socketErrors: number;
}

export interface LoadOptions {
  origin: string;
  pathsFile: string;
  connections: number;
  seconds: number;
  zipfExponent?: number;
  /** Think time per connection between requests (ms): a load below saturation. */
  delayMs?: number;
}

export function runWrk(options: LoadOptions): Promise<LoadResult> {
  const args = [
    "-t1",
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--timeout",
    "10s",
    "-s",
    path.resolve("scripts/bench/zipf.lua"),
    options.origin,
  ];
  const child = spawn("wrk", args, {
    env: {
      ...process.env,
      BENCH_PATHS_FILE: options.pathsFile,
      BENCH_ZIPF_S: String(options.zipfExponent ?? 1),
      BENCH_DELAY_MS: String(options.delayMs ?? 0),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}): ${output}`));
      const raw = JSON.parse(line);
      const seconds = raw.duration_us / 1e6;
      const ms = (us: number) => us / 1000;
      const { connect, read, write, timeout, status } = raw.errors;
      resolve({
        requests: raw.requests,
        seconds,
        rps: raw.requests / seconds,
        p50Ms: ms(raw.latency_us.p50),
        p90Ms: ms(raw.latency_us.p90),
        p99Ms: ms(raw.latency_us.p99),
        maxMs: ms(raw.latency_us.max),
        non2xx: status,
        socketErrors: connect + read + write + timeout,
      });
    });
  });
}
