import { db } from "../db";
import { env } from "../env";
import { awaitReady, redisClient } from "../redis/clients";
import { FanOut } from "../redis/fan-out";
import { prefixed } from "../redis/keys";
import { withStateRedis } from "../redis/state";
import { globalSingleton } from "../global-singleton";

/**
 * Live stock: after a commit that moved stock (a checkout, a declined payment, the sweep, a catalog write),
 * the products' stock levels are published on one Redis channel; every instance holds one subscription
 * and passes each product's levels to the pages open on it (app/api/stock/[productId]). Levels are read
 * from PostgreSQL after the commit, so a message carries the truth, not a delta: a lost one is repaired by
 * the next, and a page that reconnects reads the levels afresh.
 */

/** A product's variants' stock: `[variantId, stock]` pairs. */
export interface StockLevels {
  topic: number;
  variants: [number, number][];
}

const channel = () => prefixed("stock-levels");

/** The stock of these products' variants now, from PostgreSQL (products with no variants left out). */
export async function readStockLevels(productIds: number[]): Promise<StockLevels[]> {
  const rows = await db.variant.findMany({
    where: { productId: { in: productIds } },
    select: { id: true, productId: true, stock: true },
    orderBy: { id: "asc" },
  });
  const byProduct = new Map<number, [number, number][]>();
  for (const row of rows) {
    const levels = byProduct.get(row.productId) ?? [];
    levels.push([row.id, row.stock]);
    byProduct.set(row.productId, levels);
  }
  return [...byProduct].map(([topic, variants]) => ({ topic, variants }));
}

/** Tells every instance these products' stock, as committed. A failure is logged, never thrown: the write stands. */
export async function publishStockLevels(productIds: number[]): Promise<void> {
  try {
    const levels = await readStockLevels(productIds);
    if (levels.length === 0) return;
    await withStateRedis((redis) => {
      const pipeline = redis.pipeline();
      for (const product of levels) pipeline.publish(channel(), JSON.stringify(product));
      return pipeline.exec();
    });
  } catch (error) {
    console.warn(`[brisk] stock of ${productIds.join(", ")} not published: ${(error as Error).message}`);
  }
}

function parseLevels(text: string): StockLevels | null {
  try {
    const parsed = JSON.parse(text) as StockLevels;
    return Number.isInteger(parsed.topic) && Array.isArray(parsed.variants) ? parsed : null;
  } catch {
    return null;
  }
}

/** This process's one subscription to stock levels. */
export function stockFeed(): FanOut<StockLevels> {
  return globalSingleton(
    "stock-feed",
    () =>
      new FanOut<StockLevels>(
        channel(),
        () => {
          // Its own connection, queueing the SUBSCRIBE until connected (the shared clients never queue).
          void awaitReady("state");
          return redisClient("state").duplicate({ connectionName: "brisk-stock-feed", enableOfflineQueue: true });
        },
        parseLevels,
        env.LIVE_STOCK_MAX_STREAMS,
      ),
  );
}
