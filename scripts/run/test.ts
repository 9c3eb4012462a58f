import { spawnSync } from "node:child_process";
import Redis from "ioredis";
import pg from "pg";
import { deleteByPattern } from "../../lib/redis/scan";
import { applyMigrations } from "../db/migrations";
import { explainEnginePanics } from "../db/schema-engine";
import { ensureServices } from "../services/ensure";
import { ensurePackages } from "../services/packages";
import { log } from "../services/shell";
import { buildIfChanged } from "./build-if-changed";
import { TEST_KEY_PREFIX, testEnv } from "./test-env";

/**
 * `npm test`: provisions what is missing, resets the test database and the test Redis namespace, then runs
 * lint, Vitest and Playwright. `npm test -- unit` or `npm test -- e2e` runs only one of the suites.
 */

const TEST_SEED_PRODUCTS = "240";

async function resetDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  await applyMigrations(url);
}

async function resetRedisNamespace(url: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const deleted = await deleteByPattern(client, `${TEST_KEY_PREFIX}*`);
    log(`reset the test Redis namespace (${deleted} keys)`);
  } finally {
    client.disconnect();
  }
}

function runStep(name: string, command: string, args: string[], env: Record<string, string>): boolean {
  log(`${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

async function main(): Promise<number> {
  explainEnginePanics();
  const which = process.argv[2] ?? "all";
  const env = testEnv();
  await ensureServices({ extraDatabases: [env.DATABASE_URL], chromium: which !== "unit" });
  // The production shape's test runs HAProxy (tests/scenarios/production-shape.test.ts).
  if (which !== "e2e") ensurePackages(["haproxy"]);
  await resetDatabase(env.DATABASE_URL);
  await resetRedisNamespace(env.REDIS_URL);
  if (!runStep("seed", "npx", ["tsx", "scripts/seed/seed.ts"], { ...env, SEED_PRODUCTS: TEST_SEED_PRODUCTS })) return 1;

  let ok = true;
  if (which === "all") ok = runStep("lint", "npm", ["run", "lint", "--silent"], {}) && ok;
  // Some integration tests run the built app (two standalone server instances), as Playwright does.
  buildIfChanged();
  if (which !== "e2e") ok = runStep("unit and integration tests", "npx", ["vitest", "run"], env) && ok;
  if (which !== "e2e") {
    ok =
      runStep("state and cache suites on a Redis Cluster", "npx", ["tsx", "tests/support/cluster-suite.ts"], env) && ok;
  }
  if (which !== "unit") ok = runStep("end-to-end tests", "npx", ["playwright", "test"], env) && ok;
  return ok ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(`[brisk] ${error.message}`);
    process.exit(1);
  });
