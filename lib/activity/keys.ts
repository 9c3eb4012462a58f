import { prefixed } from "../redis/keys";

/** Whose activity: a signed-in user, or a browser (the visitor cookie, lib/activity/visitor.ts). */
export interface Viewer {
  kind: "visitor" | "user";
  id: string;
}

/** `{v:<visitorId>}` or `{u:<userId>}`: a viewer's keys share one Redis Cluster slot. */
const tagOf = (viewer: Viewer) => `{${viewer.kind === "visitor" ? "v" : "u"}:${viewer.id}}`;

/**
 * The live store's Redis keys (state Redis). Every trending key carries the hash tag `{trend}`: the read
 * unions a day of buckets in one command, which on Redis Cluster needs them in one slot.
 */
export const activityKeys = {
  /** A viewer's recently viewed products: sorted set of product id → when viewed (Redis clock, µs). */
  viewed: (viewer: Viewer) => prefixed(`viewed:${tagOf(viewer)}`),
  /** The products this viewer was counted for in trending during one hour (same slot as the list). */
  counted: (viewer: Viewer, hour: number) => prefixed(`viewed:${tagOf(viewer)}:counted:${hour}`),
  /** Views in one hour: sorted set of product id → distinct viewers. */
  views: (hour: number) => prefixed(`trend:{trend}:views:${hour}`),
  /** Units sold in one hour: sorted set of product id → units. */
  sold: (hour: number) => prefixed(`trend:{trend}:sold:${hour}`),
  /** Where a trending read unions the buckets, inside one MULTI (never left behind). */
  union: () => prefixed("trend:{trend}:union"),
};

/** The hour a moment falls in, as a bucket number (hours since the epoch). */
export const hourOf = (epochMs: number): number => Math.floor(epochMs / 3_600_000);
