import { db } from "../db";
import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import { subscriberClient } from "../redis/clients";
import { FanOut } from "../redis/fan-out";
import { prefixed } from "../redis/keys";
import { withStateRedis } from "../redis/state";

/**
 * Live stock: after a commit that moved stock (a checkout, a declined payment, the sweep, a catalog write),
 * the products' ids are published on one Redis channel; every instance holds one subscription
 * (lib/redis/fan-out.ts) and reads the levels of a product its open pages watch again (stock-watch.ts).
 * A message says only "this product changed": the levels are read after it arrived, so two commits whose
 * messages cross on the way can never leave a page with the older levels.
 */

/** A product's variants' stock: `[variantId, stock]` pairs. */
export type StockLevels = [number, number][];

/** What the channel carries: the product whose stock (or anything) changed. */
export interface StockChange {
  topic: number;
}

const channel = () => prefixed("stock-changes");

/** The stock of a product's variants now, from PostgreSQL; null for a product with none (or none at all). */
export async function readStockLevels(productId: number): Promise<StockLevels | null> {
  const rows = await db.variant.findMany({
    where: { productId },
    select: { id: true, stock: true },
    orderBy: { id: "asc" },
  });
  return rows.length > 0 ? rows.map((row): [number, number] => [row.id, row.stock]) : null;
}

/** Tells every instance these products changed. A failure is logged, never thrown: the write stands. */
export async function publishStockChanges(productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  try {
    await withStateRedis((redis) => {
      const pipeline = redis.pipeline();
      for (const topic of productIds) pipeline.publish(channel(), JSON.stringify({ topic }));
      return pipeline.exec();
    });
  } catch (error) {
    console.warn(`[brisk] stock changes of ${productIds.join(", ")} not published: ${(error as Error).message}`);
  }
}

function parseChange(text: string): StockChange | null {
  try {
    const parsed = JSON.parse(text) as StockChange;
    return Number.isInteger(parsed.topic) ? parsed : null;
  } catch {
    return null;
  }
}

/** This process's one subscription to stock changes. */
export function stockFeed(): FanOut<StockChange> {
  return globalSingleton(
    "stock-feed",
    () =>
      new FanOut<StockChange>(
        channel(),
        // Its own connection (a subscribed one can do nothing else), made like the state client.
        () => subscriberClient("state", "brisk-stock-feed", true),
        parseChange,
        env.LIVE_STOCK_MAX_STREAMS,
      ),
  );
}
