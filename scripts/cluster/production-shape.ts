import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { AppServer, ServerExitedError } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";
import { ThrowawayCluster } from "@/tests/support/redis-cluster";
import { waitFor } from "@/tests/support/wait";
import { backendStates, setBackendState, startHaproxy, type Backend } from "./haproxy";

/**
 * The production shape on one machine: N standalone server instances of the built app, a Redis Cluster of three
 * masters with a replica each for every Redis role, and HAProxy in front, on ports of their own (the load
 * balancer on `port`, the instances on the ports after it). PostgreSQL is the one the environment names.
 * `npm run start:cluster` runs it in the foreground; tests and the benchmarks start it too.
 */
export interface ProductionShape {
  /** Where to browse: the load balancer. */
  origin: string;
  instances: { name: string; port: number; server: AppServer }[];
  /** The Redis Cluster's nodes (`host:port,…`). */
  nodes: string;
  /**
   * Restarts instance `i` as a rolling restart does: HAProxy drains it (no new requests), it stops gracefully
   * (SIGTERM), starts again, and is put back; answers once HAProxy sends it requests again.
   */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startProductionShape(options: {
  instances: number;
  port: number;
  /** The instances' ports (default: the ones after `port`). */
  instancePorts?: number[];
  /** The instances' environment (the database, mail, secrets…); the Redis and proxy settings are added. */
  env: Record<string, string>;
  log?: (message: string) => void;
}): Promise<ProductionShape> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), "brisk-production-shape-"));
  const origin = `http://localhost:${options.port}`;
  log("starting a Redis Cluster of three masters with a replica each");
  const cluster = await ThrowawayCluster.start({ replicas: 1 });
  const nodes = cluster.ports.map((port) => `127.0.0.1:${port}`).join(",");
  const env = {
    ...options.env,
    REDIS_CLUSTER_NODES: nodes,
    CACHE_REDIS_CLUSTER_NODES: nodes,
    // HAProxy adds one X-Forwarded-For entry: the client's address is the last one.
    TRUST_PROXY_HOPS: "1",
    AUTH_URL: origin,
  };
  const backends: Backend[] = Array.from({ length: options.instances }, (_, i) => ({
    name: `app${i + 1}`,
    port: options.instancePorts?.[i] ?? options.port + i + 1,
  }));
  const start = (backend: Backend) => AppServer.start(`instance ${backend.name}`, backend.port, env);
  /**
   * The first start of an instance: a port chosen free may be taken by the time the server listens (other
   * processes choose too), so an instance that exits before answering gets another port, up to 3 times.
   */
  const firstStart = async (backend: Backend): Promise<AppServer> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start(backend);
      } catch (error) {
        if (!(error instanceof ServerExitedError) || attempt === 3) throw error;
        backend.port = await freePort();
        log(`${backend.name}: its port was not free; starting it on ${backend.port}`);
      }
    }
  };
  log(
    `starting ${options.instances} instances of the app (standalone servers) on ports ${backends.map((b) => b.port).join(", ")}`,
  );
  const instances: ProductionShape["instances"] = [];
  let haproxy: { child: ChildProcess; socket: string } | null = null;
  const upInHaproxy = (name: string) =>
    waitFor(
      async () => (await backendStates(haproxy!.socket).catch((): Record<string, string> => ({})))[name] === "UP",
      30_000,
      `${name} UP in HAProxy`,
    );
  try {
    // One at a time: two cores would only share the same work.
    for (const backend of backends) {
      const server = await firstStart(backend); // may change backend.port
      instances.push({ ...backend, server });
    }
    log(`starting HAProxy on ${origin}`);
    haproxy = startHaproxy(dir, { port: options.port, backends });
    for (const backend of backends) await upInHaproxy(backend.name);
  } catch (error) {
    // Whatever started is stopped: a failed start leaves nothing running.
    haproxy?.child.kill("SIGTERM");
    await Promise.all(instances.map(({ server }) => server.stop()));
    await cluster.destroy();
    throw error;
  }
  return {
    origin,
    instances,
    nodes,
    async restart(i) {
      // As a rolling restart does it: out of rotation first, stopped gracefully, started, back in.
      const instance = instances[i];
      await setBackendState(haproxy!.socket, instance.name, "drain");
      await instance.server.stop(30_000);
      instance.server = await start(instance);
      await setBackendState(haproxy!.socket, instance.name, "ready");
      await upInHaproxy(instance.name);
    },
    async stop() {
      const exited = new Promise((resolve) => haproxy!.child.once("exit", resolve));
      await Promise.all(instances.map(({ server }) => server.stop()));
      haproxy!.child.kill("SIGTERM");
      await exited;
      await cluster.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
