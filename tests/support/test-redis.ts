import Redis, { Cluster } from "ioredis";
import { env } from "@/lib/env";
import { clusterNodes } from "@/lib/redis/clients";

/**
 * A client of the Redis a role uses in this test run: its Redis, or its Redis Cluster when the suite runs
 * on one (REDIS_CLUSTER_NODES, CACHE_REDIS_CLUSTER_NODES: `npm test` runs the state and cache suites
 * again on a cluster of three masters and three replicas, tests/support/cluster-suite.ts).
 */
export function testRedis(role: "state" | "cache" = "cache"): Redis | Cluster {
  const nodes = role === "cache" ? env.CACHE_REDIS_CLUSTER_NODES : env.REDIS_CLUSTER_NODES;
  if (!nodes) return new Redis(role === "cache" ? env.CACHE_REDIS_URL : env.REDIS_URL, { maxRetriesPerRequest: 1 });
  return new Cluster(clusterNodes(nodes), { redisOptions: { maxRetriesPerRequest: 1 } });
}
