import type Redis from "ioredis";

/** What the counting itself runs (INFO, CONFIG RESETSTAT): never counted. */
const COUNTING = ["info", "config", "config|resetstat"];

/** The commands a Redis has run since its stats were last reset, by name (INFO commandstats), counted by Redis. */
export async function commandCounts(admin: Redis): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [, name, calls] of (await admin.info("commandstats")).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (!COUNTING.includes(name)) counts[name] = Number(calls);
  }
  return counts;
}

/** All of them together. */
export async function commandTotal(admin: Redis): Promise<number> {
  return Object.values(await commandCounts(admin)).reduce((sum, calls) => sum + calls, 0);
}
