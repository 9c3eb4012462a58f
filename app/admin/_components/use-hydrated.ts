"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and during hydration, true once React runs in the browser. The back office's
 * forms send JSON from the browser; their buttons stay disabled until then, so a click before the page's
 * script has loaded does nothing instead of submitting the form as a plain GET.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
