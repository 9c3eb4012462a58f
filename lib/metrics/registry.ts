import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { globalSingleton } from "../global-singleton";

/**
 * The process's Prometheus registry, served at /api/metrics. On globalThis: a production build may load
 * this module once per route bundle, and the numbers must be the process's, not one bundle's.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "brisk_" });
  const registers = [registry];
  return {
    registry,
    cacheRequests: new Counter({
      name: "brisk_cache_requests_total",
      help: "Cache reads by how they were answered: hit (L1 or Redis), miss (loaded and stored), stale (served within grace), bypass (loaded, cache off or Redis unusable), error (failed).",
      labelNames: ["result"] as const,
      registers,
    }),
    cacheL1Hits: new Counter({
      name: "brisk_cache_l1_hits_total",
      help: "Cache hits answered from the in-memory L1, without Redis.",
      registers,
    }),
    cacheLoads: new Counter({
      name: "brisk_cache_loads_total",
      help: "Loader runs (reads that went to PostgreSQL through the cache), by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    cacheInvalidations: new Counter({
      name: "brisk_cache_invalidation_messages_total",
      help: "Invalidation messages received on the cache's pub/sub channel.",
      registers,
    }),
    cacheL1Clears: new Counter({
      name: "brisk_cache_l1_clears_total",
      help: "Times the L1 was emptied because its invalidation channel or Redis was lost.",
      registers,
    }),
    cacheBreakerOpen: new Gauge({
      name: "brisk_cache_breaker_open",
      help: "1 while the cache's circuit breaker is open or half-open (Redis skipped), else 0.",
      registers,
    }),
    pageRenders: new Counter({
      name: "brisk_page_renders_total",
      help: "Pages (and product API answers) this instance rendered for the route cache under the page's lock, by outcome: stored, abandoned (the render ended without a page) or discarded (a 404 or an error answer, not kept).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    dbQueries: new Counter({
      name: "brisk_db_queries_total",
      help: "SQL queries this process sent to PostgreSQL (Prisma's query events).",
      registers,
    }),
    cacheLoadSeconds: new Histogram({
      name: "brisk_cache_load_duration_seconds",
      help: "How long loaders took.",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
  };
}

export const metrics = globalSingleton("metrics", createMetrics);
