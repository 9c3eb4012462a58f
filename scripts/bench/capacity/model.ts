import type { Cost } from "./meter";

/** The shopper actions measured, each as a share of page views (how often it happens per page view). */
export type Action =
  | "product page, from memory"
  | "product page, from the route cache in Redis"
  | "product page, rendered"
  | "listing, from memory"
  | "listing, rendered"
  | "add to cart"
  | "sign-in"
  | "checkout";

/**
 * The traffic the model assumes, per page view. Stated, not measured: a catalog's traffic is skewed (most
 * views go to pages already rendered: the popular ones in each instance's memory, more of the long tail in
 * the route cache's Redis), listings with a query are rendered each time, and a few in a hundred views lead
 * to an add to the cart, fewer to a sign-in or an order.
 */
export const MIX: Record<Action, number> = {
  "product page, from memory": 0.35,
  "product page, from the route cache in Redis": 0.25,
  "product page, rendered": 0.05,
  "listing, from memory": 0.25,
  "listing, rendered": 0.1,
  "add to cart": 0.03,
  "sign-in": 0.005,
  checkout: 0.005,
};

/** How busy a resource is planned to run: room for peaks, failover and garbage collection. */
export const TARGET_UTILIZATION = 0.6;

export interface Capacity {
  /** Redis commands one core serves per second (redis-benchmark, measured here). */
  redisOpsPerCore: number;
  /** Simple read queries one PostgreSQL core serves per second (pgbench -S, measured here). */
  postgresQueriesPerCore: number;
}

export interface Plan {
  pageViewsPerSecond: number;
  appCores: number;
  redisCommandsPerSecond: number;
  redisShards: number;
  redisMegabytesPerSecond: number;
  postgresQueriesPerSecond: number;
  postgresCores: number;
  /** Checkouts per second: each a transaction that locks the stock rows of its lines. */
  ordersPerSecond: number;
}

/** What one page view costs on average under MIX. */
export function perPageView(costs: Record<Action, Cost>): Cost {
  const total: Cost = { cpuMs: 0, redisCommands: 0, redisBytes: 0, postgresQueries: 0 };
  for (const [action, share] of Object.entries(MIX) as [Action, number][]) {
    for (const key of Object.keys(total) as (keyof Cost)[]) total[key] += share * costs[action][key];
  }
  return total;
}

/** Cores (app, Redis shards, PostgreSQL) for a rate of page views, each run at TARGET_UTILIZATION. */
export function plan(pageViewsPerSecond: number, view: Cost, capacity: Capacity): Plan {
  const busy = (load: number) => Math.max(1, Math.ceil(load / TARGET_UTILIZATION));
  const redisCommandsPerSecond = pageViewsPerSecond * view.redisCommands;
  const postgresQueriesPerSecond = pageViewsPerSecond * view.postgresQueries;
  return {
    pageViewsPerSecond,
    appCores: busy((pageViewsPerSecond * view.cpuMs) / 1000),
    redisCommandsPerSecond,
    // Redis runs commands on one core: a shard is a core (its replica is another, not counted here).
    redisShards: busy(redisCommandsPerSecond / capacity.redisOpsPerCore),
    redisMegabytesPerSecond: (pageViewsPerSecond * view.redisBytes) / 1e6,
    postgresQueriesPerSecond,
    postgresCores: busy(postgresQueriesPerSecond / capacity.postgresQueriesPerCore),
    ordersPerSecond: pageViewsPerSecond * MIX.checkout,
  };
}
