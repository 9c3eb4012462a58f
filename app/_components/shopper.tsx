"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Who the shopper is and how many items their cart holds, for the header. Pages are rendered once and
 * served to everyone (the route cache), so none of this is in their HTML: the browser asks
 * `GET /api/shopper` after the page loads and after every navigation (a sign-in, a sign-out or a checkout
 * ends on another page). Until the answer comes, the header keeps the room the answer will take.
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
}

const ShopperContext = createContext<ShopperState>({
  account: undefined,
  setAccount: () => undefined,
  count: null,
  setCount: () => undefined,
  adjust: () => undefined,
});

interface Answer {
  account: HeaderAccount;
  cartCount: number | null;
}

export function ShopperProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [account, setAccount] = useState<HeaderAccount | undefined>(undefined);
  const [count, setCountState] = useState<number | null>(null);
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
    fetch("/api/shopper", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Answer>) : null))
      .then((answer) => {
        if (!answer) return setAccount((current) => current ?? "unavailable");
        setAccount(answer.account);
        if (question === asked.current) setCountState(answer.cartCount);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);

  return (
    <ShopperContext.Provider value={{ account, setAccount, count, setCount, adjust }}>
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
