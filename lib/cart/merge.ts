import { getVariant } from "../catalog/queries";
import { isForSale, stockForSale } from "../catalog/variants";
import { cartKeys } from "./keys";
import type { CartOwner } from "./types";
import { CART_DELETE_IF_UNCHANGED_LUA, CART_MERGE_LUA } from "../redis/scripts/cart-merge";
import { durableStateWrite, withStateRedis } from "../redis/state";
import { CART_TTL_MS, MAX_LINES, MAX_QUANTITY_PER_LINE, readCartLines } from "./store";
import { runScript } from "../redis/scripts/run";

/**
 * `mergeGuestCart`: on sign-in the guest's lines join the user's cart, quantities summed and clamped by the
 * cart's rules (stock, 99 per line, 100 lines; variants no longer for sale are dropped). Two idempotent
 * steps (lib/redis/scripts/cart-merge.ts): a repeated or interrupted merge never doubles a line.
 */

export type MergeOutcome = "merged" | "already" | "empty";

/** Canonical form of a cart's lines, as the delete-if-unchanged script compares them. */
const snapshotOf = (lines: Map<number, number>) =>
  [...lines]
    .map(([variantId, quantity]) => `${variantId}=${quantity}`)
    .sort()
    .join(",");

/**
 * Step 1: the guest's lines into the user's cart, and `mergeId` (the guest cart's id, or for a later round that id plus the contents it merges) recorded as merged,
 * in one script.
 */
export async function applyGuestLines(
  mergeId: string,
  userId: string,
  lines: Map<number, number>,
): Promise<MergeOutcome> {
  const args: Array<string | number> = [];
  for (const [variantId, quantity] of lines) {
    const variant = await getVariant(variantId);
    if (!variant || !isForSale(variant.product)) continue;
    args.push(variantId, quantity, Math.min(stockForSale(variant), MAX_QUANTITY_PER_LINE));
  }
  const user: CartOwner = { kind: "user", id: userId };
  const outcome = await durableStateWrite(
    CART_MERGE_LUA,
    [cartKeys.cart(user), cartKeys.merged(userId)],
    mergeId,
    CART_TTL_MS,
    MAX_LINES,
    ...args,
  );
  return outcome as MergeOutcome;
}

/** Step 2: the guest cart goes, unless it changed since `lines` were read (then it is left as it is). */
export async function deleteGuestCartIfUnchanged(guestId: string, lines: Map<number, number>): Promise<boolean> {
  const key = cartKeys.cart({ kind: "guest", id: guestId });
  return (
    (await withStateRedis((redis) => runScript(redis, CART_DELETE_IF_UNCHANGED_LUA, [key], snapshotOf(lines)))) === 1
  );
}

/** What was added to a cart since `before`: new lines, and the increase of grown ones. */
function addedSince(now: Map<number, number>, before: Map<number, number>): Map<number, number> {
  const added = new Map<number, number>();
  for (const [variantId, quantity] of now) {
    const more = quantity - (before.get(variantId) ?? 0);
    if (more > 0) added.set(variantId, more);
  }
  return added;
}

/** `linesAsRead`: the guest's lines as the caller already read them (by default they are read now). */
export async function mergeGuestCart(
  guestId: string,
  userId: string,
  linesAsRead?: Map<number, number>,
): Promise<MergeOutcome> {
  const guest: CartOwner = { kind: "guest", id: guestId };
  let lines = linesAsRead ?? (await readCartLines(guest));
  if (lines.size === 0) return "empty";
  const outcome = await applyGuestLines(guestId, userId, lines);
  // Changed between the steps (another tab added to it): merge what was added, under a merge id of its
  // own (the new contents name it, so a retry of this round adds nothing twice), then try the delete again.
  for (let round = 0; round < 3 && !(await deleteGuestCartIfUnchanged(guestId, lines)); round++) {
    const now = await readCartLines(guest);
    const added = addedSince(now, lines);
    if (added.size > 0) await applyGuestLines(`${guestId}:${snapshotOf(now)}`, userId, added);
    lines = now;
  }
  return outcome;
}
