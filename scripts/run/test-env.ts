import { randomBytes } from "node:crypto";
import { parseEnv } from "../../lib/env";

/**
 * The environment every test process runs with: its own database (`brisk_test` on the development
 * server unless TEST_DATABASE_URL says otherwise), its own Redis namespace (prefix `brisk-test:`), and its
 * own web origin, so that a developer's running store and its data are never touched by a test run.
 *
 * The e2e server listens on E2E_PORT (3100 unless set), so two runs on one machine can use two ports.
 */

export const TEST_KEY_PREFIX = "brisk-test:";
export const TEST_PORT = e2ePort(process.env.E2E_PORT);
export const TEST_ORIGIN = `http://localhost:${TEST_PORT}`;

/** E2E_PORT as a port number (3100 when unset); anything else is an error, never a silent default. */
export function e2ePort(value: string | undefined): number {
  if (value === undefined || value === "") return 3100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`E2E_PORT: not a port number: ${value}`);
  return port;
}

/**
 * testEnv() as the browser tests' servers get it. They share two cores with Chromium, two Playwright workers
 * and, while the production-shape spec runs, six more Redis servers, three more instances and HAProxy: there
 * the test Redis, healthy but waiting for a core, once took over the 250 ms production deadline to answer,
 * and a test's setup got a 503. The deadline guards against a Redis that hangs, which these servers never
 * meet: the outage tests kill their Redis, and a closed connection fails at once (no offline queue). 2 s, as
 * the cluster suite's files get.
 */
export function e2eServerEnv(): Record<string, string> {
  return { ...testEnv(), REDIS_COMMAND_TIMEOUT_MS: "2000" };
}

/** A random secret of 32+ characters, one per test run (never written to disk). */
const randomSecret = () => randomBytes(33).toString("base64url");

export function testEnv(source: Record<string, string | undefined> = process.env): Record<string, string> {
  const base = parseEnv(source);
  const database = new URL(base.DATABASE_URL);
  database.pathname = "/brisk_test";
  const redisUrl = base.TEST_REDIS_URL ?? base.REDIS_URL;
  return {
    DATABASE_URL: base.TEST_DATABASE_URL ?? database.toString(),
    REDIS_URL: redisUrl,
    CACHE_REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: TEST_KEY_PREFIX,
    MEDIA_DIR: base.MEDIA_DIR,
    AUTH_URL: TEST_ORIGIN,
    // One secret per test run: the runner's children inherit it (never written to disk).
    AUTH_SECRET: source.AUTH_SECRET || randomSecret(),
    // The test-support API (app/api/test-support) is on for the test servers, with a secret per run.
    TEST_SUPPORT_TOKEN: source.TEST_SUPPORT_TOKEN || randomSecret(),
    AUTH_DEV_MAILBOX: "1",
    HOST: "127.0.0.1",
    PORT: String(TEST_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
