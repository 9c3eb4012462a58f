import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Cluster } from "ioredis";
import { redisAnswers } from "@/scripts/services/probe";
import { redisServerArgs } from "@/scripts/services/redis";
import { freePorts } from "./ports";
import { waitFor } from "./wait";

/**
 * A throwaway Redis Cluster of three masters, without replicas (tests of hash-slot rules) or with one each
 * (`replicas: 1`: the shape production runs, and what failover needs).
 */
export class ThrowawayCluster {
  private constructor(
    readonly ports: number[],
    private readonly processes: ChildProcess[],
    private readonly dir: string,
  ) {}

  static async start(options: { replicas?: 0 | 1 } = {}): Promise<ThrowawayCluster> {
    const replicas = options.replicas ?? 0;
    const dir = mkdtempSync(path.join(os.tmpdir(), "brisk-cluster-"));
    const nodes = 3 * (1 + replicas);
    // Each node's cluster bus on a free port of its own (by default port + 10000, which may be taken or past 65535).
    const free = await freePorts(2 * nodes);
    const [ports, busPorts] = [free.slice(0, nodes), free.slice(nodes)];
    const processes = ports.map((port, i) =>
      spawn(
        "redis-server",
        [
          ...redisServerArgs(port, dir),
          "--cluster-enabled",
          "yes",
          "--cluster-port",
          String(busPorts[i]),
          // A master that stops answering is replaced by its replica after this long.
          "--cluster-node-timeout",
          "2000",
          "--cluster-config-file",
          `nodes-${port}.conf`,
          "--appendfilename",
          `aof-${port}`,
          "--appenddirname",
          `aof-${port}`,
        ],
        { stdio: "ignore" },
      ),
    );
    for (const port of ports)
      await waitFor(() => redisAnswers(`redis://127.0.0.1:${port}`, 200), 5_000, `node ${port}`);
    await promisify(execFile)("redis-cli", [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      String(replicas),
      "--cluster-yes",
    ]);
    const cluster = new ThrowawayCluster(ports, processes, dir);
    const probe = cluster.client();
    await waitFor(
      async () => (await probe.cluster("INFO")).includes("cluster_state:ok"),
      10_000,
      "the cluster to be ok",
    );
    // Writes that wait for a replica (WAIT) need every replica linked and in sync first.
    if (replicas > 0) {
      await waitFor(
        async () => {
          const masters = probe.nodes("master");
          const infos = await Promise.all(masters.map((node) => node.info("replication")));
          return masters.length === 3 && infos.every((info) => /slave0:.*state=online/.test(info));
        },
        30_000,
        "every replica to be in sync",
      );
    }
    probe.disconnect();
    return cluster;
  }

  client(): Cluster {
    return new Cluster(
      this.ports.map((port) => ({ host: "127.0.0.1", port })),
      {
        enableOfflineQueue: true,
        redisOptions: { maxRetriesPerRequest: 1 },
      },
    );
  }

  async destroy(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (child) =>
          new Promise((resolve) =>
            // A node a test killed has exited already (by a signal: its exitCode stays null).
            child.exitCode !== null || child.signalCode !== null
              ? resolve(null)
              : (child.once("exit", resolve), child.kill("SIGKILL")),
          ),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
