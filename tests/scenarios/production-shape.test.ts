import net from "node:net";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedisClients } from "@/lib/redis/clients";
import { db } from "@/lib/db";
import { runLoad } from "@/scripts/bench/load";
import { startProductionShape, type ProductionShape } from "@/scripts/cluster/production-shape";
import { cacheCounters } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, freshVariant, postCheckout } from "@/tests/support/checkout-fixtures";
import { freePorts } from "@/tests/support/ports";
import { waitFor } from "@/tests/support/wait";

// The production shape of `npm run start:cluster`: three standalone servers behind HAProxy, every Redis role on a
// Redis Cluster of three masters with a replica each. A shopper's journey spreads over the instances, and a
// rolling restart of all three under load loses no request.
let shape: ProductionShape;
let taken: net.Server;

beforeAll(async () => {
  const [port, ...instancePorts] = await freePorts(4);
  // The third instance's port is taken by the time it starts (as another process may take a port chosen
  // free): it must start on another one.
  taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(instancePorts[2], "127.0.0.1", resolve));
  shape = await startProductionShape({ instances: 3, port, instancePorts, env: {} });
  expect(shape.instances[2].port).not.toBe(instancePorts[2]);
}, 180_000);

afterAll(async () => {
  taken?.close();
  await shape?.stop();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

/** A shopper's browser that notes which instance served each answer (HAProxy's X-Served-By). */
class Shopper extends BrowserClient {
  readonly servedBy = new Set<string>();

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await super.fetch(path, init);
    this.servedBy.add(response.headers.get("x-served-by") ?? "none");
    return response;
  }
}

describe("through the load balancer", () => {
  it("takes a shopper from browsing to a paid order, served by more than one instance", async () => {
    const shopper = new Shopper(shape.origin);
    const variant = await freshVariant(5);
    expect((await shopper.fetch("/")).status).toBe(200);
    expect((await shopper.fetch(`/products/${variant.slug}`)).status).toBe(200);
    expect((await addToCart(shopper, variant.id, 2)).status).toBe(200);
    await shopper.signIn(`cluster-${Date.now()}@example.com`);
    // The guest cart followed the shopper into their account (a merge on whichever instance signed them in).
    const { cart } = (await (await shopper.fetch("/api/cart")).json()) as { cart: { lines: { variantId: number }[] } };
    expect(cart.lines.map((line) => line.variantId)).toEqual([variant.id]);
    const order = await postCheckout(shopper, checkoutBody());
    expect(order.status).toBe(201);
    expect(shopper.servedBy.has("none")).toBe(false);
    expect(shopper.servedBy.size).toBeGreaterThan(1);
  });

  it("loses no request while all three instances restart one after another", async () => {
    const paths = ["/", "/api/health", "/api/products?limit=5", "/products"];
    const pidsBefore = shape.instances.map(({ server }) => server.pid);
    const restarts = (async () => {
      for (let i = 0; i < shape.instances.length; i++) await shape.restart(i);
    })();
    const samples = await runLoad({
      origin: shape.origin,
      paths,
      connections: 6,
      seconds: 300,
      delayMs: 20,
      until: restarts,
    });
    await restarts;
    // Each instance is a new process, and each was served again by HAProxy before the next one stopped.
    expect(new Set(shape.instances.map(({ server }) => server.pid)).size).toBe(3);
    expect(pidsBefore.some((pid) => shape.instances.some(({ server }) => server.pid === pid))).toBe(false);
    const failed = samples.filter((sample) => sample.status !== 200);
    expect(samples.length).toBeGreaterThan(100);
    expect(failed.map((sample) => `${sample.status} ${sample.error ?? ""}`)).toEqual([]);
  }, 240_000);

  it("answers every catalog read while a master of the Redis Cluster dies and its replica takes over", async () => {
    const products = (
      await db.product.findMany({
        where: { status: "ACTIVE" },
        select: { slug: true },
        orderBy: { id: "asc" },
        take: 300,
      })
    ).map(({ slug }) => slug);
    const category = (await db.category.findFirstOrThrow({ select: { slug: true } })).slug;
    // A few pages, and products each instance has not read yet: reads that go to Redis (not to an instance's
    // memory), a third of them to the master that dies.
    const pages = ["/", "/products", `/products/${products[0]}`, `/categories/${category}`];
    const paths = [...pages, ...products.map((slug) => `/api/products/${slug}`)];
    for (const path of pages) expect((await fetch(`${shape.origin}${path}`)).status).toBe(200);
    const bypassed = () =>
      Promise.all(shape.instances.map(({ port }) => cacheCounters(`http://127.0.0.1:${port}`))).then((all) =>
        all.reduce((sum, counters) => sum + (counters.bypass ?? 0), 0),
      );
    const bypassedBefore = await bypassed();
    // The master holding the most keys (the catalog's cached entries and pages, the routes' too) dies.
    const nodes = shape.nodes.split(",").map((address) => new Redis(Number(address.split(":")[1]), "127.0.0.1"));
    try {
      const roles = await Promise.all(nodes.map(async (node) => ((await node.role()) as string[])[0]));
      const sizes = await Promise.all(nodes.map((node) => node.dbsize()));
      const victim = nodes
        .filter((_, i) => roles[i] === "master")
        .reduce((most, node) => (sizes[nodes.indexOf(node)] > sizes[nodes.indexOf(most)] ? node : most));
      expect(sizes[nodes.indexOf(victim)]).toBeGreaterThan(0);
      const pid = Number(/process_id:(\d+)/.exec(await victim.info("server"))![1]);
      const survivor = nodes.find((node) => node !== victim && roles[nodes.indexOf(node)] === "master")!;
      const victimId = (await victim.cluster("MYID")) as string;
      victim.disconnect();

      let finished!: () => void;
      const loading = runLoad({
        origin: shape.origin,
        paths,
        connections: 6,
        seconds: 120,
        delayMs: 20,
        until: new Promise<void>((resolve) => (finished = resolve)),
      });
      try {
        // Under load: every page once more, then the master dies.
        for (const path of pages) expect((await fetch(`${shape.origin}${path}`)).status).toBe(200);
        process.kill(pid, "SIGKILL");
        // Failed over: the cluster marked the dead master failed and is whole again (its replica has the slots).
        await waitFor(
          async () => {
            const [info, table] = await Promise.all([survivor.cluster("INFO"), survivor.cluster("NODES")]);
            const line = (table as string).split("\n").find((row) => row.startsWith(victimId)) ?? "";
            const flags = (line.split(" ")[2] ?? "").split(",");
            return (info as string).includes("cluster_state:ok") && flags.includes("fail");
          },
          30_000,
          "the replica to take over",
        );
        // And the store reads through the new master.
        for (const path of pages) expect((await fetch(`${shape.origin}${path}`)).status).toBe(200);
      } finally {
        finished();
      }
      const samples = await loading;
      expect(samples.length).toBeGreaterThan(50);
      // The outage was felt: reads the dead master could not answer were answered from PostgreSQL.
      expect(await bypassed()).toBeGreaterThan(bypassedBefore);
      expect(samples.filter((sample) => sample.status !== 200).map((s) => `${s.status} ${s.error ?? ""}`)).toEqual([]);
    } finally {
      for (const node of nodes) node.disconnect();
    }
  }, 180_000);
});
