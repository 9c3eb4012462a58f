import { spawnSync } from "node:child_process";
import { ThrowawayCluster } from "./redis-cluster";

/**
 * The state and cache suites on a Redis Cluster of three masters with a replica each (vitest.cluster.config.ts),
 * then the failover test:
 * starts the cluster, runs them with both Redis roles on it (REDIS_CLUSTER_NODES, CACHE_REDIS_CLUSTER_NODES),
 * and stops it. Exits with Vitest's status.
 */
async function main(): Promise<number> {
  const cluster = await ThrowawayCluster.start({ replicas: 1 });
  try {
    const nodes = cluster.ports.map((port) => `127.0.0.1:${port}`).join(",");
    console.log(`[brisk] Redis Cluster (3 masters, 3 replicas) at ${nodes}`);
    // The suite, then the failover test, which leaves a master dead (its replica serving in its place).
    let status = 0;
    for (const part of ["suite", "failover"]) {
      const env = {
        ...process.env,
        REDIS_CLUSTER_NODES: nodes,
        CACHE_REDIS_CLUSTER_NODES: nodes,
        CLUSTER_SUITE_PART: part,
        // The suite checks what the cluster changes (slots, replication), not deadlines, which the main run
        // tests on one Redis. Its files run side by side on two cores, and a write waits for its replica:
        // 60 concurrent adds to one cart once took over the 250 ms command deadline here. The failover
        // test keeps the defaults: it needs the replica's wait to time out.
        ...(part === "suite" ? { REDIS_COMMAND_TIMEOUT_MS: "2000", REDIS_WAIT_TIMEOUT_MS: "1000" } : {}),
      };
      const args = ["vitest", "run", "--config", "vitest.cluster.config.ts", ...process.argv.slice(2)];
      status ||= spawnSync("npx", args, { stdio: "inherit", env }).status ?? 1;
    }
    return status;
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
