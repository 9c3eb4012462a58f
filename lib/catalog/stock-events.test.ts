import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FanOutEvent } from "@/lib/redis/fan-out";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import type { StockLevels } from "./stock-events";

// Stock levels published after catalog writes and fanned out by one subscription per process, on a Redis
// of the test's own (it is killed and started again).
let redis: ThrowawayRedis;
let modules: {
  events: typeof import("./stock-events");
  fanOut: typeof import("@/lib/redis/fan-out");
  mutations: typeof import("./mutations");
  db: typeof import("@/lib/db");
  clients: typeof import("@/lib/redis/clients");
};
let product: { id: number; variantId: number; stock: number };

beforeAll(async () => {
  redis = await ThrowawayRedis.start();
  process.env.REDIS_URL = redis.url;
  process.env.CACHE_REDIS_URL = redis.url;
  modules = {
    events: await import("./stock-events"),
    fanOut: await import("@/lib/redis/fan-out"),
    mutations: await import("./mutations"),
    db: await import("@/lib/db"),
    clients: await import("@/lib/redis/clients"),
  };
  const variant = await modules.db.db.variant.findFirstOrThrow({
    where: { product: { status: "ACTIVE" }, orderLines: { none: {} } },
    orderBy: { id: "asc" },
    select: { id: true, productId: true, stock: true },
  });
  product = { id: variant.productId, variantId: variant.id, stock: variant.stock };
});

afterAll(async () => {
  await modules.mutations.updateVariants(product.id, [{ variantId: product.variantId, stock: product.stock }]);
  modules.events.stockFeed().close();
  await Promise.all([modules.db.db.$disconnect(), modules.clients.closeRedisClients()]);
  await redis.destroy();
});

/** Listens to a product's levels on this process's feed; what arrived, in order. */
function listen(productId: number) {
  const heard: FanOutEvent<StockLevels>[] = [];
  const stop = modules.events.stockFeed().listen(productId, (event) => heard.push(event));
  if (!stop) throw new Error("the feed had no room");
  return { heard, stop };
}

describe("stock levels", () => {
  it("are published after a catalog write, as committed, to the product's listeners only", async () => {
    const mine = listen(product.id);
    const another = listen(product.id + 1);
    // The subscription is up once a publish reaches it: write until one does (the first may go before).
    await waitFor(
      async () => {
        await modules.mutations.updateVariants(product.id, [{ variantId: product.variantId, stock: 6 }]);
        return mine.heard.length > 0;
      },
      5_000,
      "the first stock message",
    );
    await modules.mutations.updateVariants(product.id, [{ variantId: product.variantId, stock: 2 }]);
    const stockIn = (event: FanOutEvent<StockLevels>) =>
      event.kind === "message" ? new Map(event.message.variants).get(product.variantId) : undefined;
    await waitFor(() => mine.heard.some((event) => stockIn(event) === 2), 5_000, "the levels after the write");
    expect(mine.heard.map(stockIn).filter((stock) => stock !== 6)).toEqual([2]);
    expect(another.heard).toEqual([]);
    mine.stop();
    another.stop();
  });

  it("tell every listener to read again once the subscription is back after Redis was lost", async () => {
    const listener = listen(product.id);
    await redis.kill();
    await redis.restart();
    await waitFor(() => listener.heard.some((event) => event.kind === "resync"), 10_000, "a resync");
    listener.stop();
  });
});

describe("one subscription's listeners", () => {
  it("are capped, and a stopped listener's place is free again", () => {
    const feed = new modules.fanOut.FanOut<StockLevels>(
      "test-cap",
      () => new Redis(redis.url),
      () => null,
      2,
    );
    const first = feed.listen(1, () => undefined);
    const second = feed.listen(2, () => undefined);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(feed.listen(3, () => undefined)).toBeNull();
    first!();
    first!(); // stopping twice frees one place, not two
    expect(feed.listening).toBe(1);
    expect(feed.listen(3, () => undefined)).not.toBeNull();
    expect(feed.listen(4, () => undefined)).toBeNull();
    feed.close();
  });
});
