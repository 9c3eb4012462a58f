import { globalSingleton } from "../global-singleton";
import { withStateRedis } from "../redis/state";
import { activityKeys, hourOf } from "./keys";

/**
 * Trending's view counts, gathered in the process and written once a second: every product page view
 * asks to count one, and one MULTI a second for all of them costs Redis and the app far less than one per
 * view. What a process has gathered but not written when it dies (at most a second of views) is lost:
 * trending is a ranking, not a ledger. A write that fails is logged and dropped, not retried, so an outage
 * cannot grow the batch.
 */

/** How long views gather before they are written (ms). */
export const VIEW_FLUSH_MS = 1_000;
/** Distinct products gathered before the batch is written at once, whatever the time: the batch's bound. */
const MAX_PENDING = 5_000;
/** How long a view bucket is kept: a day of trending, and a day more for the hours at the edge. */
export const BUCKET_TTL_SECONDS = 48 * 60 * 60;

interface Batch {
  /** hour → product id → views. */
  counts: Map<number, Map<number, number>>;
  size: number;
  timer: NodeJS.Timeout | null;
}

const batch = () => globalSingleton<Batch>("activity.viewCounts", () => ({ counts: new Map(), size: 0, timer: null }));

/** Counts one viewer's first view of a product this hour; written within VIEW_FLUSH_MS (flushViewCounts). */
export function countView(productId: number, now = Date.now()): void {
  const pending = batch();
  const hour = hourOf(now);
  let counts = pending.counts.get(hour);
  if (!counts) pending.counts.set(hour, (counts = new Map()));
  const before = counts.get(productId) ?? 0;
  if (before === 0) pending.size++;
  counts.set(productId, before + 1);
  if (pending.size >= MAX_PENDING) {
    void flushViewCounts();
  } else if (!pending.timer) {
    pending.timer = setTimeout(() => void flushViewCounts(), VIEW_FLUSH_MS);
    pending.timer.unref();
  }
}

/** Writes the views gathered so far: one MULTI (every bucket is in the `{trend}` slot). Never throws. */
export async function flushViewCounts(): Promise<void> {
  const pending = batch();
  if (pending.timer) clearTimeout(pending.timer);
  const counts = pending.counts;
  Object.assign(pending, { counts: new Map(), size: 0, timer: null });
  if (counts.size === 0) return;
  try {
    await withStateRedis((redis) => {
      const multi = redis.multi();
      for (const [hour, views] of counts) {
        const key = activityKeys.views(hour);
        for (const [productId, count] of views) multi.zincrby(key, count, productId);
        multi.expire(key, BUCKET_TTL_SECONDS, "NX");
      }
      return multi.exec();
    });
  } catch (error) {
    console.warn(`[brisk] trending views not counted: ${(error as Error).message}`);
  }
}
