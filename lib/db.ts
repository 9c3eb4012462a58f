import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { globalSingleton } from "./global-singleton";
import { metrics } from "./metrics/registry";
import { PrismaClient } from "./generated/prisma/client.ts";

/**
 * The one PrismaClient of the process, over node-postgres (@prisma/adapter-pg). It emits an event per
 * SQL query so that `queriesSoFar` can tell how many queries a piece of code ran (tests, metrics).
 */

function createClient() {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => {
    queryCounter.total++;
    metrics.dbQueries.inc();
  });
  return client;
}

const queryCounter = globalSingleton("db.queryCounter", () => ({ total: 0 }));

export const db = globalSingleton("db.client", createClient);

/** Queries this process has sent to PostgreSQL since it started. */
export function queriesSoFar(): number {
  return queryCounter.total;
}
