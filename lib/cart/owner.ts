import type { CartOwner } from "./types";
import { newCartId, parseCartId } from "./cookie";
import { cartExists } from "./store";

/**
 * Whose cart a request reads or writes. Reading with no (or a forged) cookie is the empty cart and
 * creates nothing. Writing with a cookie that names no existing cart starts a fresh cart under a new id:
 * an id the server did not just hand out is never adopted, so nobody can be steered into a chosen cart.
 */

export function cartOwnerFromCookie(cookie: string | undefined | null): CartOwner | null {
  const id = parseCartId(cookie);
  return id ? { kind: "guest", id } : null;
}

export async function cartOwnerForWrite(
  cookie: string | undefined | null,
): Promise<{ owner: CartOwner; newCartId?: string }> {
  const owner = cartOwnerFromCookie(cookie);
  if (owner && (await cartExists(owner))) return { owner };
  const id = newCartId();
  return { owner: { kind: "guest", id }, newCartId: id };
}
