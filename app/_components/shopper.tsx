"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Who the shopper is and how many items their cart holds, for the header. Pages are rendered once and
 * served to everyone (the route cache), so none of this is in their HTML: the browser asks
 * `GET /api/shopper` after the page loads and after every navigation (a sign-in, a sign-out or a checkout
 * ends on another page). Until the answer comes, the header keeps the room the answer will take.
 * On a product page the question is `POST /api/shopper?viewing=<slug>`: it also records the view and
 * brings the ids of the shopper's other recently viewed products, so a page view costs one request, not two.
 * The add-to-cart buttons move the count at once (optimistic) and then set it to what the server answered.
 */

/** Who is signed in (`{ name }`), nobody (null), or that Redis cannot say right now. */
export type HeaderAccount = { name: string } | null | "unavailable";

export interface ShopperState {
  /** undefined until the first answer. */
  account: HeaderAccount | undefined;
  setAccount: (account: HeaderAccount) => void;
  /** null when unknown (not yet asked, or Redis could not say). */
  count: number | null;
  setCount: (count: number) => void;
  adjust: (delta: number) => void;
  /** The ids of the product page's "Recently viewed" products: null until answered, and when not recorded. */
  recentlyViewed: number[] | null;
}

const ShopperContext = createContext<ShopperState>({
  account: undefined,
  setAccount: () => undefined,
  count: null,
  setCount: () => undefined,
  adjust: () => undefined,
  recentlyViewed: null,
});

interface Answer {
  account: HeaderAccount;
  cartCount: number | null;
  recentlyViewed?: number[] | null;
}

/** A product page's slug (`/products/<slug>`), whose view the header's question records. */
const PRODUCT_PAGE = /^\/products\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function ShopperProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [account, setAccount] = useState<HeaderAccount | undefined>(undefined);
  const [count, setCountState] = useState<number | null>(null);
  // Kept with the page it was answered for: after a navigation the last page's list is not shown.
  const [viewed, setViewed] = useState<{ pathname: string; ids: number[] | null } | null>(null);
  // A count set by this page (an add to cart) after the question left wins over the older answer.
  const asked = useRef(0);
  const setCount = useCallback((next: number) => {
    asked.current++;
    setCountState(next);
  }, []);
  const adjust = useCallback((delta: number) => {
    asked.current++;
    setCountState((current) => (current === null ? null : Math.max(0, current + delta)));
  }, []);

  useEffect(() => {
    const question = ++asked.current;
    const controller = new AbortController();
    const viewing = PRODUCT_PAGE.exec(pathname)?.[1];
    const url = viewing ? `/api/shopper?viewing=${viewing}` : "/api/shopper";
    fetch(url, { method: viewing ? "POST" : "GET", signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Answer>) : null))
      .then((answer) => {
        if (viewing) setViewed({ pathname, ids: answer?.recentlyViewed ?? null });
        if (!answer) return setAccount((current) => current ?? "unavailable");
        setAccount(answer.account);
        if (question === asked.current) setCountState(answer.cartCount);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);

  return (
    <ShopperContext.Provider
      value={{
        account,
        setAccount,
        count,
        setCount,
        adjust,
        recentlyViewed: viewed?.pathname === pathname ? viewed.ids : null,
      }}
    >
      {children}
    </ShopperContext.Provider>
  );
}

/**
 * A page rendered per request that knows the shopper better than the header's last answer (the cart page
 * its count, the account page the name just changed) tells the header.
 */
export function ShopperSync({ name, cartCount }: { name?: string; cartCount?: number }) {
  const { setAccount, setCount } = useShopper();
  useEffect(() => {
    if (name !== undefined) setAccount({ name });
  }, [name, setAccount]);
  useEffect(() => {
    if (cartCount !== undefined) setCount(cartCount);
  }, [cartCount, setCount]);
  return null;
}

export function useShopper(): ShopperState {
  return useContext(ShopperContext);
}
