import { spawnSync } from "node:child_process";
import { ThrowawayCluster } from "./redis-cluster";

/**
 * The state and cache suites on a Redis Cluster of three masters with a replica each (vitest.cluster.config.ts):
 * starts the cluster, runs them with both Redis roles on it (REDIS_CLUSTER_NODES, CACHE_REDIS_CLUSTER_NODES),
 * and stops it. Exits with Vitest's status.
 */
async function main(): Promise<number> {
  const cluster = await ThrowawayCluster.start({ replicas: 1 });
  try {
    const nodes = cluster.ports.map((port) => `127.0.0.1:${port}`).join(",");
    console.log(`[brisk] Redis Cluster (3 masters, 3 replicas) at ${nodes}`);
    const result = spawnSync(
      "npx",
      ["vitest", "run", "--config", "vitest.cluster.config.ts", ...process.argv.slice(2)],
      {
        stdio: "inherit",
        env: { ...process.env, REDIS_CLUSTER_NODES: nodes, CACHE_REDIS_CLUSTER_NODES: nodes },
      },
    );
    return result.status ?? 1;
  } finally {
    await cluster.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[brisk] cluster suite: ${error.message}`);
    process.exit(1);
  },
);
