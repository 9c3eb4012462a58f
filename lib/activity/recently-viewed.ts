import { withStateRedis } from "../redis/state";
import { RECENTLY_VIEWED_MERGE_LUA, RECENTLY_VIEWED_RECORD_LUA } from "../redis/scripts/recently-viewed";
import { activityKeys, hourOf, type Viewer } from "./keys";
import { runScript } from "../redis/scripts/run";

/**
 * Recently viewed products, per viewer, in the state Redis: the last 12 distinct products, newest first,
 * forgotten after 30 days without a view (a list of one product after a day). Recording a view is one
 * script (one round trip) that also says whether trending should count it: once per viewer, product and
 * hour.
 */

export const RECENT_CAP = 12;
export const RECENT_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** A counted-set outlives its hour a little, so that a view at 59:59 is not counted again at 00:00 of it. */
const COUNTED_TTL_MS = 2 * 60 * 60 * 1000;
/** A list of one product (one view, or a client that drops its cookie) is kept a day, not a month. */
export const SINGLE_VIEW_TTL_MS = 24 * 60 * 60 * 1000;

export interface RecordedView {
  /** Whether this is the viewer's first view of the product this hour. */
  firstThisHour: boolean;
  /** The viewer's recently viewed product ids, newest first (the product just viewed included). */
  productIds: number[];
}

export async function recordView(viewer: Viewer, productId: number, now = Date.now()): Promise<RecordedView> {
  const keys = [activityKeys.viewed(viewer), activityKeys.counted(viewer, hourOf(now))];
  const [counted, ids] = (await withStateRedis((redis) =>
    runScript(
      redis,
      RECENTLY_VIEWED_RECORD_LUA,
      keys,
      productId,
      RECENT_CAP,
      RECENT_IDLE_MS,
      COUNTED_TTL_MS,
      SINGLE_VIEW_TTL_MS,
    ),
  )) as [number, string[]];
  return { firstThisHour: counted === 1, productIds: ids.map(Number) };
}

/** The viewer's recently viewed product ids, newest first. */
export async function recentlyViewed(viewer: Viewer): Promise<number[]> {
  const ids = await withStateRedis((redis) => redis.zrevrange(activityKeys.viewed(viewer), 0, RECENT_CAP - 1));
  return ids.map(Number);
}

/**
 * A browser's list merged into its shopper's on sign-in. The two lists live in two slots, so it runs in
 * idempotent steps: read the visitor's list, merge it into the user's (later view wins, newest 12 kept),
 * then delete the visitor's. A retry after a failure between the steps merges the same views again, which
 * changes nothing.
 */
export async function mergeRecentlyViewed(visitorId: string, userId: string): Promise<void> {
  const from = activityKeys.viewed({ kind: "visitor", id: visitorId });
  const pairs = await withStateRedis((redis) => redis.zrange(from, 0, -1, "WITHSCORES"));
  if (pairs.length === 0) return;
  const args: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) args.push(pairs[i + 1], pairs[i]);
  const to = activityKeys.viewed({ kind: "user", id: userId });
  await withStateRedis((redis) =>
    runScript(redis, RECENTLY_VIEWED_MERGE_LUA, [to], RECENT_CAP, RECENT_IDLE_MS, ...args),
  );
  await withStateRedis((redis) => redis.del(from));
}
