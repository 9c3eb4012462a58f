import type { Cluster, Redis } from "ioredis";
import { RELEASE_LOCK_LUA } from "../redis/scripts/release-lock";
import { STAMP_TAG_LUA } from "../redis/scripts/stamp-tag";
import { decodeEnvelope, type Envelope } from "./envelope";
import { cacheKeys, type CacheKeys } from "./keys";

/**
 * The cache's Redis commands. Every method may throw (the cache runs them under its breaker). Entries,
 * tags and locks live in slots of their own, so every command touches one key: safe on Redis Cluster.
 */

export interface StoredEntry<T> {
  /** The entry, or null when it is missing, unreadable, or older than an invalidation of one of its tags. */
  envelope: Envelope<T> | null;
  /** Redis' clock (epoch µs), read in the same round trip: what freshness is judged and loads stamped by. */
  now: number;
}

export interface InvalidationMessage {
  keys: string[];
  tags: string[];
}

/** A tag's invalidation time must outlive every entry that may carry it (at most a day of TTL plus grace). */
const TAG_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

export class RedisStore {
  private readonly keys: CacheKeys;

  /**
   * @param keyPrefix goes in front of every key and channel name (lib/cache/keys.ts).
   * @param roundTrip bounds one round trip (the cache passes its deadline). Each is timed from when it is
   * sent: a read with tags is two, and under a burst the second goes out only once the loop has read the
   * first reply, possibly after the first one's time was up (lib/redis/deadline.ts waits one turn, not two).
   */
  constructor(
    private readonly redis: () => Redis | Cluster,
    keyPrefix: string,
    private readonly roundTrip: <R>(reply: Promise<R>) => Promise<R>,
  ) {
    this.keys = cacheKeys(keyPrefix);
  }

  async read<T>(key: string): Promise<StoredEntry<T>> {
    const client = this.redis();
    // Both commands go out at once on the connection (Redis answers in order): one round trip.
    const [raw, [seconds, micros]] = await this.roundTrip(
      Promise.all([client.get(this.keys.entry(key)), client.time()]),
    );
    const now = Number(seconds) * 1e6 + Number(micros);
    const envelope = decodeEnvelope<T>(raw);
    if (!envelope || envelope.tags.length === 0) return { envelope, now };
    const stamps = await this.roundTrip(Promise.all(envelope.tags.map((tag) => client.get(this.keys.tag(tag)))));
    const invalidated = stamps.some((stamp) => stamp !== null && Number(stamp) >= envelope.at);
    return { envelope: invalidated ? null : envelope, now };
  }

  async write(key: string, encoded: string, lifetimeMs: number): Promise<void> {
    const lifetime = Math.max(1, Math.round(lifetimeMs));
    await this.roundTrip(this.redis().set(this.keys.entry(key), encoded, "PX", lifetime));
  }

  async tryLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.roundTrip(this.redis().set(this.keys.lock(key), token, "PX", ttlMs, "NX"))) === "OK";
  }

  async releaseLock(key: string, token: string): Promise<void> {
    await this.roundTrip(this.redis().eval(RELEASE_LOCK_LUA, 1, this.keys.lock(key), token));
  }

  /** Deletes the keys, stamps the tags with Redis' clock, then tells every instance to drop them from L1. */
  async invalidate(message: InvalidationMessage): Promise<void> {
    const client = this.redis();
    await this.roundTrip(
      Promise.all([
        ...message.keys.map((key) => client.unlink(this.keys.entry(key))),
        ...message.tags.map((tag) => client.eval(STAMP_TAG_LUA, 1, this.keys.tag(tag), TAG_RETENTION_MS)),
      ]),
    );
    await this.roundTrip(client.publish(this.keys.invalidationChannel, JSON.stringify(message)));
  }
}
