import type { CacheMetrics, RequestResult } from "@/lib/cache/types";

/** A CacheMetrics that counts, for tests to assert what the cache did. */
export function recordingMetrics() {
  const counts = {
    requests: {} as Partial<Record<RequestResult, number>>,
    l1Hits: 0,
    loads: 0,
    loadErrors: 0,
    invalidations: 0,
    l1Clears: 0,
  };
  const metrics: CacheMetrics = {
    request: (result) => (counts.requests[result] = (counts.requests[result] ?? 0) + 1),
    l1Hit: () => counts.l1Hits++,
    load: (_seconds, outcome) => (outcome === "ok" ? counts.loads++ : counts.loadErrors++),
    invalidationReceived: () => counts.invalidations++,
    l1Cleared: () => counts.l1Clears++,
  };
  return { metrics, counts };
}
