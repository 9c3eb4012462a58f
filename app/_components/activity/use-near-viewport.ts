"use client";

import { useEffect, useState } from "react";

/**
 * Whether the element given to the returned ref callback has come within `margin` of the viewport (once
 * true, it stays true): for content below the fold that is loaded only for those who scroll towards it. A
 * callback ref, so an element that appears later (after an answer) is observed too.
 */
export function useNearViewport<E extends Element>(margin = "600px"): [boolean, (element: E | null) => void] {
  const [element, setElement] = useState<E | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, near, margin]);
  return [near, setElement];
}
