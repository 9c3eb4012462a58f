import { orderKeys } from "./keys";
import { withStateRedis } from "../redis/state";

/**
 * Idempotency records for checkout, in the state Redis for 24 hours. The first request with a key claims
 * it (SET NX); a request with the same key and body gets the first request's final answer; with another
 * body, a conflict; while the first still runs, it waits for it (up to WAIT_MS). The order table's unique
 * idempotency column backs this up: a lost record cannot make a second order.
 */

export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a claim lives without an answer: a process that died mid-checkout frees its key this soon. */
export const RUNNING_TTL_MS = 60_000;
export const WAIT_MS = 10_000;
const POLL_MS = 100;

export interface FinalAnswer {
  status: number;
  body: unknown;
}

type StoredRecord = { state: "running"; hash: string } | { state: "done"; hash: string; answer: FinalAnswer };

export type Claim =
  { kind: "claimed" } | { kind: "replay"; answer: FinalAnswer } | { kind: "conflict"; message: string };

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
    const record = JSON.parse(raw) as StoredRecord;
    if (record.hash !== hash) {
      return { kind: "conflict", message: "This Idempotency-Key was already used with a different request." };
    }
    if (record.state === "done") return { kind: "replay", answer: record.answer };
    if (Date.now() >= deadline) {
      return {
        kind: "conflict",
        message: "A request with this Idempotency-Key is still in progress. Try again shortly.",
      };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Keeps the final answer for replays, for 24 hours. */
export async function recordAnswer(scope: string, key: string, hash: string, answer: FinalAnswer): Promise<void> {
  const done = JSON.stringify({ state: "done", hash, answer } satisfies StoredRecord);
  await withStateRedis((redis) => redis.set(orderKeys.idempotency(scope, key), done, "PX", RECORD_TTL_MS));
}

/** Gives the key up when the request ended without a final answer (a 503), so a retry can run. */
export async function releaseKey(scope: string, key: string): Promise<void> {
  await withStateRedis((redis) => redis.del(orderKeys.idempotency(scope, key)));
}
