import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";

// Live stock across two standalone server instances sharing PostgreSQL and a Redis of the test's own: a page
// open on B hears of a checkout through A, and of a change made while Redis was down once it is back.
let redis: ThrowawayRedis;
let servers: AppServer[];
let modules: {
  fixtures: typeof import("@/tests/support/checkout-fixtures");
  mutations: typeof import("@/lib/catalog/mutations");
  db: typeof import("@/lib/db");
  clients: typeof import("@/lib/redis/clients");
};
const STREAMS = 3;

beforeAll(async () => {
  redis = await ThrowawayRedis.start();
  // This process writes the catalog too (and publishes its stock): on the same Redis as the instances.
  process.env.REDIS_URL = redis.url;
  process.env.CACHE_REDIS_URL = redis.url;
  const env = { REDIS_URL: redis.url, CACHE_REDIS_URL: redis.url, LIVE_STOCK_MAX_STREAMS: String(STREAMS) };
  servers = await Promise.all(["A", "B"].map(async (name) => AppServer.start(`stock ${name}`, await freePort(), env)));
  modules = {
    fixtures: await import("@/tests/support/checkout-fixtures"),
    mutations: await import("@/lib/catalog/mutations"),
    db: await import("@/lib/db"),
    clients: await import("@/lib/redis/clients"),
  };
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await Promise.all([modules.db.db.$disconnect(), modules.clients.closeRedisClients()]);
  await redis.destroy();
});

/** An open stock stream, as a browser's EventSource reads it: each `stock` event's levels, in order. */
class StockStream {
  private readonly events: Map<number, number>[] = [];
  private waiting: (() => void) | null = null;
  private readonly controller = new AbortController();
  status = 0;

  static async open(server: AppServer, productId: number | string): Promise<StockStream> {
    const stream = new StockStream();
    const response = await fetch(`${server.origin}/api/stock/${productId}`, { signal: stream.controller.signal });
    stream.status = response.status;
    if (response.ok) void stream.read(response.body!);
    else await response.body?.cancel();
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffered = "";
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^event: stock\ndata: (.*)$/m.exec(block)?.[1];
          if (data) this.events.push(new Map(JSON.parse(data).variants as [number, number][]));
          this.waiting?.();
        }
      }
    } catch {
      // closed by the test
    }
  }

  /** The next stock event's level of `variantId` that satisfies `wanted`, within `ms`. */
  async stockOf(variantId: number, wanted: (stock: number) => boolean, ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    for (;;) {
      const event = this.events.shift();
      if (event && wanted(event.get(variantId)!)) return event.get(variantId)!;
      if (!event) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no stock event for variant ${variantId} within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          this.waiting = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  close() {
    this.controller.abort();
  }
}

describe("live stock on two instances", () => {
  // First, before any stream: a place still held by a closed stream of an earlier test would answer 503.
  it("answers 404 for no such product and 400 for what is not a product id, as JSON", async () => {
    const b = servers[1];
    const missing = await fetch(`${b.origin}/api/stock/2000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "No such product." } });
    for (const bad of ["abc", "0", "-1", "99999999999"]) {
      const response = await fetch(`${b.origin}/api/stock/${bad}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
  });

  it("shows B's open page a checkout made through A within 2 s", async () => {
    const [a, b] = servers;
    const variant = await modules.fixtures.freshVariant(7);
    const page = await StockStream.open(b, variant.productId);
    expect(page.status).toBe(200);
    expect(await page.stockOf(variant.id, (stock) => stock === 7, 2_000)).toBe(7); // the levels now, first

    const shopper = new BrowserClient(a.origin);
    expect((await modules.fixtures.addToCart(shopper, variant.id, 2)).status).toBe(200);
    const bought = Date.now();
    expect((await modules.fixtures.postCheckout(shopper, modules.fixtures.checkoutBody(), randomUUID())).status).toBe(
      201,
    );
    expect(await page.stockOf(variant.id, (stock) => stock === 5, 2_000)).toBe(5);
    expect(Date.now() - bought).toBeLessThan(5_000);
    page.close();
  });

  it("reads the stock again once Redis is back, so a change made while it was down is not missed", async () => {
    const b = servers[1];
    const variant = await modules.fixtures.freshVariant(9);
    const page = await StockStream.open(b, variant.productId);
    await page.stockOf(variant.id, (stock) => stock === 9, 2_000);
    await redis.kill();
    // Committed while nobody can publish it.
    await modules.mutations.updateVariants(variant.productId, [{ variantId: variant.id, stock: 4 }]);
    await redis.restart();
    expect(await page.stockOf(variant.id, (stock) => stock === 4, 10_000)).toBe(4);
    page.close();
  });

  it("serves at most LIVE_STOCK_MAX_STREAMS at once, turning the next away with 503, and frees a closed one's place", async () => {
    const b = servers[1];
    const variant = await modules.fixtures.freshVariant(3);
    // The streams of the tests before give their places back once B has seen their sockets close.
    let open: StockStream[] = [];
    await waitFor(
      async () => {
        for (const stream of open) stream.close();
        open = await Promise.all(Array.from({ length: STREAMS }, () => StockStream.open(b, variant.productId)));
        return open.every((stream) => stream.status === 200);
      },
      5_000,
      "every place free",
    );
    const refused = await fetch(`${b.origin}/api/stock/${variant.productId}`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(await refused.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });

    open[0].close();
    let again: StockStream | undefined;
    // The server hears of the browser going when its socket closes: ask until the place is free.
    await waitFor(
      async () => (again = await StockStream.open(b, variant.productId)).status === 200,
      5_000,
      "the closed stream's place",
    );
    for (const stream of [...open, again!]) stream.close();
  });
});
