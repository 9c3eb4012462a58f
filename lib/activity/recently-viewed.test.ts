import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import { activityKeys, hourOf, type Viewer } from "./keys";
import {
  mergeRecentlyViewed,
  RECENT_CAP,
  RECENT_IDLE_MS,
  recentlyViewed,
  recordView,
  SINGLE_VIEW_TTL_MS,
} from "./recently-viewed";

// Recently viewed lists in the real test Redis; each test has viewers of its own.

const visitor = (): Viewer => ({ kind: "visitor", id: randomBytes(16).toString("base64url") });
const user = (): Viewer => ({ kind: "user", id: randomUUID() });
const redis = () => redisClient("state");

beforeAll(async () => {
  await awaitReady("state");
});
afterAll(async () => {
  await closeRedisClients();
});

describe("recording views", () => {
  it("keeps the last 12 distinct products, newest first, a product viewed again moving to the front", async () => {
    const viewer = visitor();
    for (let id = 1; id <= 15; id++) await recordView(viewer, id);
    const recorded = await recordView(viewer, 7);
    expect(recorded.productIds).toEqual([7, 15, 14, 13, 12, 11, 10, 9, 8, 6, 5, 4]);
    expect(recorded.productIds).toHaveLength(RECENT_CAP);
    expect(await recentlyViewed(viewer)).toEqual(recorded.productIds);
    expect(await redis().zcard(activityKeys.viewed(viewer))).toBe(RECENT_CAP);
  });

  it("forgets a list of one product after a day, and a longer one 30 days after its last view", async () => {
    const viewer = visitor();
    await recordView(viewer, 3);
    const once = await redis().pttl(activityKeys.viewed(viewer));
    expect(once).toBeGreaterThan(SINGLE_VIEW_TTL_MS - 60_000);
    expect(once).toBeLessThanOrEqual(SINGLE_VIEW_TTL_MS);
    await recordView(viewer, 4);
    const ttl = await redis().pttl(activityKeys.viewed(viewer));
    expect(ttl).toBeGreaterThan(RECENT_IDLE_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(RECENT_IDLE_MS);
  });

  it("says a view is the first of the hour once per product, and forgets that after the hour", async () => {
    const viewer = visitor();
    const now = Date.now(); // one hour for all three views, even if the clock's hour turns meanwhile
    expect((await recordView(viewer, 21, now)).firstThisHour).toBe(true);
    expect((await recordView(viewer, 21, now)).firstThisHour).toBe(false);
    expect((await recordView(viewer, 22, now)).firstThisHour).toBe(true);
    expect((await recordView(viewer, 21, now + 3_600_000)).firstThisHour).toBe(true);
    const counted = activityKeys.counted(viewer, hourOf(now));
    expect(await redis().pttl(counted)).toBeGreaterThan(3_600_000);
    expect(await redis().pttl(counted)).toBeLessThanOrEqual(2 * 3_600_000);
  });

  it("answers nothing for a viewer who viewed nothing, and stores nothing for them", async () => {
    const viewer = visitor();
    expect(await recentlyViewed(viewer)).toEqual([]);
    expect(await redis().exists(activityKeys.viewed(viewer))).toBe(0);
  });
});

describe("merging a browser's list into its shopper's on sign-in", () => {
  it("keeps the later view of each product and the newest 12, and deletes the browser's list", async () => {
    const browser = visitor();
    const shopper = user();
    for (const id of [1, 2, 3, 4, 5, 6, 7]) await recordView(shopper, id);
    for (const id of [30, 31, 32, 33, 34, 35, 3]) await recordView(browser, id);
    await mergeRecentlyViewed(browser.id, shopper.id);
    expect(await recentlyViewed(shopper)).toEqual([3, 35, 34, 33, 32, 31, 30, 7, 6, 5, 4, 2]);
    expect(await redis().exists(activityKeys.viewed(browser))).toBe(0);
    expect(await redis().pttl(activityKeys.viewed(shopper))).toBeGreaterThan(RECENT_IDLE_MS - 60_000);
  });

  it("merges once: a retry with the same views (a crash before the browser's list was deleted) changes nothing", async () => {
    const browser = visitor();
    const shopper = user();
    for (const id of [41, 42, 43]) await recordView(browser, id);
    await recordView(shopper, 44);
    const views = await redis().zrange(activityKeys.viewed(browser), 0, -1, "WITHSCORES");
    await mergeRecentlyViewed(browser.id, shopper.id);
    const merged = await redis().zrange(activityKeys.viewed(shopper), 0, -1, "WITHSCORES");
    // The browser's list as it was before the delete, merged again.
    const pairs: string[] = [];
    for (let i = 0; i < views.length; i += 2) pairs.push(views[i + 1], views[i]);
    await redis().zadd(activityKeys.viewed(browser), ...pairs);
    await mergeRecentlyViewed(browser.id, shopper.id);
    expect(await redis().zrange(activityKeys.viewed(shopper), 0, -1, "WITHSCORES")).toEqual(merged);
    expect(await recentlyViewed(shopper)).toEqual([44, 43, 42, 41]);
  });

  it("does nothing when the browser viewed nothing", async () => {
    const shopper = user();
    await recordView(shopper, 9);
    await mergeRecentlyViewed(visitor().id, shopper.id);
    expect(await recentlyViewed(shopper)).toEqual([9]);
  });
});
