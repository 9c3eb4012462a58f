import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The state and cache suites again, on a Redis Cluster of three masters with a replica each: run by
 * tests/support/cluster-suite.ts, which starts the cluster and names its nodes in REDIS_CLUSTER_NODES (every
 * Redis role then runs on it, through ioredis' Cluster: lib/redis/clients.ts).
 */
export const CLUSTER_SUITE = [
  // That the roles below did run on the cluster.
  "lib/redis/on-cluster.cluster-test.ts",
  // State: carts, sessions and sign-in codes, e-mail changes, idempotency records, recently viewed.
  "lib/cart/store.test.ts",
  "lib/cart/merge.test.ts",
  "lib/auth/adapter.test.ts",
  "lib/auth/guess-budget.test.ts",
  "lib/auth/email-change.test.ts",
  "lib/orders/idempotency.test.ts",
  "lib/activity/recently-viewed.test.ts",
  // The cache: hits, tags, locks and L1 coherence, grace, Redis' clock, one load across processes.
  "lib/cache/cache.test.ts",
  "lib/cache/grace.test.ts",
  "lib/cache/skew.test.ts",
  "lib/cache/cross-process.test.ts",
];

/** Run on its own after the suite (CLUSTER_SUITE_PART=failover): it kills a master, whose replica takes over. */
export const FAILOVER = ["tests/scenarios/redis-failover.cluster-test.ts"];

// Not mergeConfig: it would add these files to the base list instead of replacing it.
export default defineConfig({
  ...base,
  test: { ...base.test, include: process.env.CLUSTER_SUITE_PART === "failover" ? FAILOVER : CLUSTER_SUITE },
});
