import type { Cache } from "../cache";

/**
 * The route cache's storage, over lib/cache: rendered pages live in Redis beside the data they were made
 * from, under the same tags, so the invalidation that makes a product's data stale makes its pages stale
 * on every instance (lib/cache's tag stamps), and an instance's memory copy is dropped by the same
 * invalidation message (its coherent L1). Nothing is kept where an invalidation cannot reach it.
 *
 * Next.js asks `get`; on a miss it renders and then calls `set`. Here the miss is a lib/cache load whose
 * loader is that render: `get` answers null at once to the caller whose load runs (Next.js renders), and
 * the load resolves when that render arrives through `set`, which stores it. So a cold page is rendered
 * once across every instance (lib/cache's load lock: the others wait for the entry), the page is stamped
 * with the moment its render began (an invalidation during the render leaves it stale), and with Redis
 * unusable the loader still runs: every page is rendered from PostgreSQL, as the data is.
 */

export interface StoredPage {
  /** What Next.js gave `set`, packed (codec.ts). */
  value: string;
  /** The tags of the data the render read (page-tags.ts). */
  tags: string[];
  /** The lifetime Next.js gave the entry. */
  cacheControl?: unknown;
}

/** A page's safety-net lifetime: freshness comes from invalidation (the catalog's TTLs are an hour). */
const PAGE_TTL_SECONDS = 3600;

/**
 * How long a page is kept: the safety net, or less when its render asked for less (page-tags.ts
 * `limitRenderedPageLife`, which Next.js hands over as the entry's `revalidate`).
 */
export function pageLife(page: StoredPage): number {
  const revalidate = (page.cacheControl as { revalidate?: unknown } | undefined)?.revalidate;
  return typeof revalidate === "number" && revalidate > 0 ? Math.min(revalidate, PAGE_TTL_SECONDS) : PAGE_TTL_SECONDS;
}

export interface PageStoreOptions {
  /**
   * How long a render may take before its load gives up and another caller renders (ms). lib/cache's load
   * lock lasts 5 s: a render slower than that may be made once more by another instance.
   */
  renderWaitMs?: number;
  /** How long a caller waits for another caller's render before rendering itself (ms). */
  joinWaitMs?: number;
  /** Told of every render this process was asked for under the page's lock, once it ends. */
  onRender?: (outcome: RenderOutcome) => void;
}

/** How a render this process was asked for ended: handed to lib/cache to store, failed, or not to be kept. */
export type RenderOutcome = "stored" | "abandoned" | "discarded";

interface PendingRender {
  resolve: (page: StoredPage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class PageStore {
  private readonly renders = new Map<string, PendingRender>();
  private readonly renderWaitMs: number;
  private readonly joinWaitMs: number;
  private readonly onRender: (outcome: RenderOutcome) => void;

  /** @param namespace keeps one build's pages apart from another's (the build id). */
  constructor(
    private readonly cache: Cache,
    private readonly namespace: string,
    options: PageStoreOptions = {},
  ) {
    this.renderWaitMs = options.renderWaitMs ?? 10_000;
    this.joinWaitMs = options.joinWaitMs ?? 5_000;
    this.onRender = options.onRender ?? (() => undefined);
  }

  /**
   * The stored page, or null: then the caller renders it and hands it to {@link set}.
   * Next.js asks once for all the concurrent requests of a key in a process, so a `get` while this
   * process's render of the key is still awaited means that render ended without a page (it failed, say
   * with PostgreSQL down): it is given up at once, and this view renders, instead of waiting for it.
   */
  get(key: string): Promise<StoredPage | null> {
    this.abandon(key);
    let mustRender!: (none: null) => void;
    const rendersHere = new Promise<null>((resolve) => (mustRender = resolve));
    const stored = this.cache
      .getOrSet<StoredPage>({
        key: this.entryName(key),
        ttl: pageLife,
        tags: (page) => page.tags,
        hardTimeout: this.joinWaitMs,
        load: () => {
          mustRender(null);
          return this.awaitRender(key);
        },
      })
      .then(
        ({ value }) => value,
        () => null,
      );
    return Promise.race([stored, rendersHere]);
  }

  /**
   * The stored page if this process holds it in memory (lib/cache's L1, coherent with every invalidation),
   * without Redis and without a render; undefined otherwise.
   */
  peek(key: string): StoredPage | undefined {
    return this.cache.peek<StoredPage>(this.entryName(key));
  }

  /** Whether {@link peek} would answer `key` now; not counted as a read. */
  inMemory(key: string): boolean {
    return this.cache.inMemory(this.entryName(key));
  }

  /**
   * A render of `key` is done. Stored when this process asked for it (its load is waiting); true then.
   * A render nobody here asked for (Next.js' build, a background revalidation) is not stored: the next
   * `get` renders again, under the lock, stamped with when it began.
   */
  set(key: string, page: StoredPage): boolean {
    const pending = this.renders.get(key);
    if (!pending) return false;
    this.renders.delete(key);
    clearTimeout(pending.timer);
    pending.resolve(page);
    this.onRender("stored");
    return true;
  }

  /** A render of `key` that is not to be kept (a 404): its load ends without storing, the lock is released. */
  discard(key: string): void {
    this.abandon(key, `the render of ${key} is not kept`, "discarded");
  }

  /** Drops the pages carrying these tags, here and on every instance (the data's invalidation does too). */
  invalidateTags(tags: string[]): Promise<boolean> {
    return this.cache.invalidateTags(...tags);
  }

  private awaitRender(key: string): Promise<StoredPage> {
    return new Promise<StoredPage>((resolve, reject) => {
      const timer = setTimeout(
        () => this.abandon(key, `no render of ${key} within ${this.renderWaitMs} ms`),
        this.renderWaitMs,
      );
      timer.unref();
      this.renders.set(key, { resolve, reject, timer });
    });
  }

  /** Fails the awaited render of `key`, if any: its load ends and releases the key's lock for another render. */
  private abandon(
    key: string,
    reason = `the render of ${key} ended without a page`,
    outcome: "abandoned" | "discarded" = "abandoned",
  ): void {
    const pending = this.renders.get(key);
    if (!pending) return;
    this.renders.delete(key);
    clearTimeout(pending.timer);
    pending.reject(new Error(reason));
    this.onRender(outcome);
  }

  private entryName(key: string): string {
    return `page:${this.namespace}:${key}`;
  }
}
