import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedisClients } from "@/lib/redis/clients";
import { db } from "@/lib/db";
import { runLoad } from "@/scripts/bench/load";
import { startProductionShape, type ProductionShape } from "@/scripts/cluster/production-shape";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, freshVariant, postCheckout } from "@/tests/support/checkout-fixtures";
import { freePorts } from "@/tests/support/ports";

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
});
