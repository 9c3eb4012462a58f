import { metrics } from "../metrics/registry";
import type { CacheMetrics } from "./types";

/** The app cache's metrics, into the process's Prometheus registry. */
export const prometheusCacheMetrics: CacheMetrics = {
  request: (result) => metrics.cacheRequests.inc({ result }),
  l1Hit: () => metrics.cacheL1Hits.inc(),
  load: (seconds, outcome) => {
    metrics.cacheLoads.inc({ outcome });
    metrics.cacheLoadSeconds.observe(seconds);
  },
  invalidationReceived: () => metrics.cacheInvalidations.inc(),
  l1Cleared: () => metrics.cacheL1Clears.inc(),
};
