/**
 * The cache's own Redis keys, all under the prefix it was given (`CacheOptions.keyPrefix`). Entry and
 * lock names are the callers' entry names; a tag's stamp is hash-tagged by the tag, so each lives in a
 * slot of its own and every command touches one key (safe on Redis Cluster).
 */
export interface CacheKeys {
  /** An entry; `name` is the caller's, e.g. `product:<slug>`. */
  entry(name: string): string;
  /** When a tag was last invalidated (Redis clock, µs). Its own slot: tags are read one key at a time. */
  tag(tag: string): string;
  /** The short lock that lets one process load an entry while the others wait for it. */
  lock(name: string): string;
  /** Pub/sub channel on which instances tell each other which entries to drop from their in-memory L1. */
  invalidationChannel: string;
}

export function cacheKeys(prefix: string): CacheKeys {
  return {
    entry: (name) => `${prefix}cache:${name}`,
    tag: (tag) => `${prefix}cache-tag:{${tag}}`,
    lock: (name) => `${prefix}cache-lock:${name}`,
    invalidationChannel: `${prefix}cache-invalidations`,
  };
}
