import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FanOutEvent } from "@/lib/redis/fan-out";
import { ThrowawayRedis } from "@/tests/support/redis-server";
import { waitFor } from "@/tests/support/wait";
import type { StockChange, StockLevels } from "./stock-events";

// Stock changes published after catalog writes, fanned out by one subscription per process, and the
// per-product reads the watching pages share; on a Redis of the test's own (it is killed and restarted).
let redis: ThrowawayRedis;
let modules: {
  events: typeof import("./stock-events");
  watch: typeof import("./stock-watch");
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
    watch: await import("./stock-watch"),
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

/** Listens to a product on this process's feed; what arrived, in order. */
function listen(productId: number) {
  const heard: FanOutEvent<StockChange>[] = [];
  const stop = modules.events.stockFeed().listen(productId, (event) => heard.push(event));
  if (!stop) throw new Error("the feed had no room");
  return { heard, stop };
}
const messages = (heard: FanOutEvent<StockChange>[]) => heard.filter((event) => event.kind === "message").length;
const resyncs = (heard: FanOutEvent<StockChange>[]) => heard.filter((event) => event.kind === "resync").length;

describe("stock changes", () => {
  it("are published after a catalog write, to the product's listeners only", async () => {
    const mine = listen(product.id);
    const another = listen(product.id + 1);
    await waitFor(() => resyncs(mine.heard) > 0, 5_000, "the subscription"); // confirmed: nothing is missed now
    await modules.mutations.updateVariants(product.id, [{ variantId: product.variantId, stock: 6 }]);
    await waitFor(() => messages(mine.heard) === 1, 5_000, "the change");
    expect(messages(another.heard)).toBe(0);
    mine.stop();
    another.stop();
  });

  it("tell every listener to read again once the subscription is back after Redis was lost", async () => {
    const listener = listen(product.id);
    const before = resyncs(listener.heard);
    await redis.kill();
    await redis.restart();
    await waitFor(() => resyncs(listener.heard) > before, 10_000, "a resync after the restart");
    listener.stop();
  });
});

describe("one subscription's listeners", () => {
  it("are capped, and a stopped listener's place is free again", () => {
    const feed = new modules.fanOut.FanOut<StockChange>(
      "test-cap",
      () => new Redis(redis.url),
      () => null,
      2,
    );
    const first = feed.listen(1, () => undefined);
    expect(first).not.toBeNull();
    expect(feed.listen(2, () => undefined)).not.toBeNull();
    expect(feed.listen(3, () => undefined)).toBeNull();
    first!();
    first!(); // stopping twice frees one place, not two
    expect(feed.listening).toBe(1);
    expect(feed.listen(3, () => undefined)).not.toBeNull();
    expect(feed.listen(4, () => undefined)).toBeNull();
    feed.close();
  });
});

describe("the pages watching a product", () => {
  /** A watch over a feed of its own that never connects (the test delivers its events), and reads the test answers. */
  function watchWithReads(max = 10) {
    const unconnected = () => new Redis(1, "127.0.0.1", { retryStrategy: () => null }); // no server there
    const feed = new modules.fanOut.FanOut<StockChange>("test-watch", unconnected, () => null, 100);
    const reads: ((levels: StockLevels | null) => void)[] = [];
    const read = () => new Promise<StockLevels | null>((resolve) => reads.push(resolve));
    return { feed, reads, watch: new modules.watch.StockWatch(feed, read, max) };
  }

  it("share one read at a time, and get one more read after changes during it, ending on its levels", async () => {
    const { feed, reads, watch } = watchWithReads();
    const seen: (StockLevels | null)[][] = [[], []];
    const stops = [0, 1].map((page) => watch.watch(7, (levels) => seen[page].push(levels))!);
    expect(reads).toHaveLength(1); // the second page joined the first page's read, asking for one more after it
    const change = (feed as unknown as { deliver(topic: string, event: FanOutEvent<StockChange>): void }).deliver;
    change.call(feed, "7", { kind: "message", message: { topic: 7 } });
    change.call(feed, "7", { kind: "resync" });
    reads[0]([[70, 1]]);
    await waitFor(() => reads.length === 2, 1_000, "the read after the changes");
    reads[1]([[70, 4]]);
    await waitFor(() => seen[1].length === 2, 1_000, "the second levels");
    expect(seen).toEqual([
      [[[70, 1]], [[70, 4]]],
      [[[70, 1]], [[70, 4]]],
    ]);
    expect(reads).toHaveLength(2);
    for (const stop of stops) stop();
    feed.close();
  });

  it("are capped, and a page that goes gives its place back", () => {
    const { feed, watch } = watchWithReads(2);
    const first = watch.watch(1, () => undefined);
    expect(watch.watch(2, () => undefined)).not.toBeNull();
    expect(watch.watch(1, () => undefined)).toBeNull();
    first!();
    first!();
    expect(watch.watching).toBe(1);
    expect(watch.watch(1, () => undefined)).not.toBeNull();
    feed.close();
  });
});
