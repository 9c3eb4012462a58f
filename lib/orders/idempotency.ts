import { orderKeys } from "./keys";
import type { OrderOutcome } from "./outcome";
import { withStateRedis } from "../redis/state";
import { runScript } from "../redis/scripts/run";

/**
 * Idempotency records for checkout, in the state Redis for 24 hours. The first request with a key claims
 * it (SET NX); a request with the same key and body gets the first request's outcome; with another body,
 * a conflict; while the first still runs, it waits for it (up to WAIT_MS). The order table's unique
 * idempotency column backs this up: a lost record cannot make a second order.
 */

export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a claim lives without an answer: a process that died mid-checkout frees its key this soon. */
export const RUNNING_TTL_MS = 60_000;
export const WAIT_MS = 10_000;
const POLL_MS = 100;

/**
 * The version of a done record. Records without it were written by an earlier deployment (they hold an
 * HTTP answer, not an outcome): one is dropped and its key claimed again, and the order table answers
 * for any order the first request wrote.
 */
export const RECORD_VERSION = 2;

type StoredRecord =
  { state: "running"; hash: string } | { state: "done"; v: typeof RECORD_VERSION; hash: string; outcome: OrderOutcome };
type DoneRecord = Extract<StoredRecord, { state: "done" }>;
/** What may be read: a record of this version, or a done record of another (its answer is never read). */
type ReadRecord = StoredRecord | { state: "done"; v?: unknown; hash: string };

export type Claim =
  { kind: "claimed" } | { kind: "replay"; outcome: OrderOutcome } | { kind: "conflict"; message: string };

/** Deletes KEYS[1] if it still holds ARGV[1], so a record claimed meanwhile by another request stays. */
const DELETE_IF_UNCHANGED = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

export async function claimKey(scope: string, key: string, hash: string, waitMs = WAIT_MS): Promise<Claim> {
  const redisKey = orderKeys.idempotency(scope, key);
  const running = JSON.stringify({ state: "running", hash } satisfies StoredRecord);
  const claimed = await withStateRedis((redis) => redis.set(redisKey, running, "PX", RUNNING_TTL_MS, "NX"));
  if (claimed === "OK") return { kind: "claimed" };
  const deadline = Date.now() + waitMs;
  for (;;) {
    const raw = await withStateRedis((redis) => redis.get(redisKey));
    // Released in the meantime (the first request failed without a final answer): try to claim again.
    if (raw === null) return claimKey(scope, key, hash, Math.max(0, deadline - Date.now()));
    const record = JSON.parse(raw) as ReadRecord;
    if (record.hash !== hash) {
      return { kind: "conflict", message: "This Idempotency-Key was already used with a different request." };
    }
    if (record.state === "done") {
      if (record.v === RECORD_VERSION) return { kind: "replay", outcome: (record as DoneRecord).outcome };
      // Another version's record: released like a failed request's key, so this request runs again.
      await withStateRedis((redis) => runScript(redis, DELETE_IF_UNCHANGED, [redisKey], raw));
      continue;
    }
    if (Date.now() >= deadline) {
      return {
        kind: "conflict",
        message: "A request with this Idempotency-Key is still in progress. Try again shortly.",
      };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Keeps the final outcome for replays, for 24 hours. */
export async function recordOutcome(scope: string, key: string, hash: string, outcome: OrderOutcome): Promise<void> {
  const done = JSON.stringify({ state: "done", v: RECORD_VERSION, hash, outcome } satisfies StoredRecord);
  await withStateRedis((redis) => redis.set(orderKeys.idempotency(scope, key), done, "PX", RECORD_TTL_MS));
}

/** Gives the key up when the request ended without a final outcome (a 503), so a retry can run. */
export async function releaseKey(scope: string, key: string): Promise<void> {
  await withStateRedis((redis) => redis.del(orderKeys.idempotency(scope, key)));
}
