import { readFileSync, writeFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { db } from "../../lib/db";
import { machine } from "../bench/report";
import { AppServer } from "../../tests/support/app-server";
import { freePort } from "../../tests/support/ports";
import { buildIfChanged } from "../run/build-if-changed";
import { ensureLocalAuthEnv } from "../run/local-auth-env";
import { prepareStore } from "../run/prepare";
import { localOrigin } from "../run/serve";
import { log } from "../services/shell";
import { auditedPages, type AuditedPage } from "./pages";
import { lighthouseReport, type PageResult } from "./report";

/**
 * `npm run lighthouse`: starts the store (as `npm start` prepares it) on a port of its own and runs
 * Lighthouse with its mobile defaults (emulated phone, simulated throttling) in Debian's Chromium, three
 * times per page, then writes the medians to bench/lighthouse.md.
 */

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-sync",
];
const run = promisify(execFile);

/** Attempts of one run: Chromium now and then fails to record a trace (NO_NAVSTART); such a run is run again. */
const ATTEMPTS = 3;
const UNTRACED = /NO_NAVSTART|recording the trace/;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One Lighthouse run, by its own CLI in a plain Node process (Lighthouse injects functions into the page). */
async function audit(origin: string, page: AuditedPage) {
  const args = [
    "node_modules/lighthouse/cli/index.js",
    `${origin}${page.path}`,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ...(page.headers ? [`--extra-headers=${JSON.stringify(page.headers)}`] : []),
  ];
  const { stdout } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`Lighthouse failed on ${page.path}: ${error.stderr?.trim().split("\n").slice(-5).join("\n")}`);
  });
  const { categories, audits } = JSON.parse(stdout) as Result;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing = Object.values(audits)
    .filter((item) => item.score !== null && item.score < 1 && item.scoreDisplayMode === "binary")
    .map((item) => item.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: audits["largest-contentful-paint"].numericValue ?? 0,
    tbtMs: audits["total-blocking-time"].numericValue ?? 0,
    cls: audits["cumulative-layout-shift"].numericValue ?? 0,
    failing,
  };
}

/** One complete run, run again (at most ATTEMPTS times) when Lighthouse could not trace the load. */
async function completeRun(origin: string, page: AuditedPage, untraced: { count: number }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(origin, page);
    } catch (error) {
      if (attempt === ATTEMPTS || !UNTRACED.test((error as Error).message)) throw error;
      untraced.count++;
      log(`${page.path}: Lighthouse could not trace the load; running it again`);
    }
  }
}

async function main(): Promise<void> {
  ensureLocalAuthEnv(localOrigin());
  await prepareStore();
  buildIfChanged();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const server = await AppServer.start("the store", port, { AUTH_URL: origin, NODE_ENV: "production" });
  try {
    const pages = await auditedPages(origin);
    const results: PageResult[] = [];
    const untraced = { count: 0 };
    for (const page of pages) {
      const runs: Awaited<ReturnType<typeof audit>>[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await completeRun(origin, page, untraced));
      const pick = (key: "performance" | "accessibility" | "bestPractices" | "seo" | "lcpMs" | "tbtMs" | "cls") =>
        median(runs.map((r) => r[key]));
      results.push({
        name: page.name,
        path: page.path,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        bestPractices: pick("bestPractices"),
        seo: pick("seo"),
        lcpMs: pick("lcpMs"),
        tbtMs: pick("tbtMs"),
        cls: pick("cls"),
        failing: [...new Set(runs.flatMap((r) => r.failing))],
      });
      log(`${page.name}: ${JSON.stringify(results.at(-1))}`);
    }
    const version = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version as string;
    writeFileSync("bench/lighthouse.md", lighthouseReport(results, RUNS, machine(), version, untraced.count));
    log("wrote bench/lighthouse.md");
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`[brisk] ${error.message}`);
  process.exit(1);
});
