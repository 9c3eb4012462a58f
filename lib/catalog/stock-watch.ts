import { env } from "../env";
import { globalSingleton } from "../global-singleton";
import type { FanOut } from "../redis/fan-out";
import { readStockLevels, stockFeed, type StockChange, type StockLevels } from "./stock-events";

/** After a read failed (PostgreSQL unreachable), when to read again for the pages still watching. */
const RETRY_MS = 5_000;

type Watcher = (levels: StockLevels | null) => void;

/**
 * The product pages one process has open, by product, and their stock: one subscription per product on
 * the process's feed, and one read of a product's levels at a time, shared by all its pages. A change (or a
 * resync) during a read asks for one more read after it, so every page ends on levels read after the last
 * change it was told of; a page that starts watching gets a read that began after it started. At most
 * `maxWatchers` pages at a time.
 */
export class StockWatch {
  private readonly watchers = new Map<number, Set<Watcher>>();
  private readonly unlisten = new Map<number, () => void>();
  private readonly reading = new Map<number, { again: boolean }>();
  private count = 0;

  constructor(
    private readonly feed: FanOut<StockChange>,
    private readonly read: (productId: number) => Promise<StockLevels | null>,
    private readonly maxWatchers: number,
  ) {}

  /** Calls `onLevels` with the product's levels now and after every change, until stopped; null when full. */
  watch(productId: number, onLevels: Watcher): (() => void) | null {
    if (this.count >= this.maxWatchers) return null;
    let set = this.watchers.get(productId);
    if (!set) {
      const stop = this.feed.listen(productId, () => this.refresh(productId));
      if (!stop) return null;
      this.unlisten.set(productId, stop);
      this.watchers.set(productId, (set = new Set()));
    }
    const watchers = set;
    watchers.add(onLevels);
    this.count++;
    this.refresh(productId);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.count--;
      watchers.delete(onLevels);
      if (watchers.size > 0 || this.watchers.get(productId) !== watchers) return;
      this.watchers.delete(productId);
      this.unlisten.get(productId)?.();
      this.unlisten.delete(productId);
    };
  }

  /** Pages watching now (the cap; metrics). */
  get watching(): number {
    return this.count;
  }

  private refresh(productId: number): void {
    const current = this.reading.get(productId);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.reading.set(productId, state);
    this.read(productId)
      .then(
        (levels) => {
          for (const watcher of this.watchers.get(productId) ?? []) watcher(levels);
        },
        (error: Error) => {
          console.warn(`[brisk] stock of product ${productId} not read: ${error.message}`);
          setTimeout(() => this.watchers.has(productId) && this.refresh(productId), RETRY_MS).unref();
        },
      )
      .finally(() => {
        this.reading.delete(productId);
        if (state.again && this.watchers.has(productId)) this.refresh(productId);
      });
  }
}

/** This process's watch over the stock of the products its pages show. */
export function stockWatch(): StockWatch {
  return globalSingleton("stock-watch", () => new StockWatch(stockFeed(), readStockLevels, env.LIVE_STOCK_MAX_STREAMS));
}
