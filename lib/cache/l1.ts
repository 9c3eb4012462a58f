/**
 * The in-memory first level in front of Redis: bounded (least recently used out first), fresh until
 * the entry's own expiry, and dropped by key or by tag when an invalidation message arrives. Values are
 * deep-frozen: every caller shares the same object, so none may change it for the others.
 */

interface L1Entry {
  value: unknown;
  /** Fresh until (local clock, epoch ms). */
  expiresAt: number;
  tags: string[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class L1 {
  private readonly entries = new Map<string, L1Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fresh value under `key`, or undefined. A hit makes the entry the most recently used. */
  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  set(key: string, value: unknown, freshForMs: number, tags: string[]): void {
    if (this.maxEntries <= 0 || freshForMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value: deepFreeze(value), expiresAt: this.now() + freshForMs, tags });
    // A Map iterates in insertion order: the first key is the least recently used.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  deleteKeys(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  deleteTags(tags: string[]): void {
    if (tags.length === 0) return;
    const dropped = new Set(tags);
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => dropped.has(tag))) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  /** Empties this L1 into `other`, each entry kept there for `forMs` from now (least recently used first). */
  moveTo(other: L1, forMs: number): void {
    for (const [key, entry] of this.entries) other.set(key, entry.value, forMs, entry.tags);
    this.entries.clear();
  }
}
