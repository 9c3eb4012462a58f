import type { Cluster, Redis } from "ioredis";
import { RELEASE_LOCK_LUA } from "../redis/scripts/release-lock";
import { STAMP_TAG_LUA } from "../redis/scripts/stamp-tag";
import { decodeEnvelope, ENVELOPE_VERSION, type Envelope } from "./envelope";
import { cacheKeys, type CacheKeys } from "./keys";
import { ReadBatcher, type LockAhead } from "./read-batcher";
import { RedisClock, type ClockBounds, type RedisTime } from "./redis-clock";

/**
 * The cache's Redis commands. Every method may throw (the cache runs them under its breaker). Entries,
 * tags and locks live in slots of their own; a command touches one key, or (MGET) several only on a single
 * Redis: safe on Redis Cluster.
 */

export interface StoredEntry<T> {
  /** The entry, or null when it is missing, unreadable, or older than an invalidation of one of its tags. */
  envelope: Envelope<T> | null;
  /** Redis' clock (epoch µs), read in the same round trip: what freshness is judged and loads stamped by. */
  now: number;
}

/** A read for a hit: the entry as `read` gives it, and where Redis' clock stood when it was read. */
export interface HitRead<T> {
  envelope: Envelope<T> | null;
  clock: ClockBounds;
  /** The entry's lock, taken with the read (its token): this process loads it, stamped with `clock`. */
  lockToken?: string;
}

export interface InvalidationMessage {
  keys: string[];
  tags: string[];
}

/** A tag's invalidation time must outlive every entry that may carry it (at most a day of TTL plus grace). */
const TAG_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/** How many entries' tag names this process remembers, to read their stamps with the entry. */
const REMEMBERED_TAGS = 20_000;

export class RedisStore {
  private readonly keys: CacheKeys;
  private readonly batcher: ReadBatcher;
  /** The tags each entry carried when last read or written here: their stamps go out with the entry. */
  private readonly tagsOf = new Map<string, string[]>();
  readonly clock: RedisClock;

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
    this.batcher = new ReadBatcher(redis, roundTrip);
    this.clock = new RedisClock(() => this.roundTrip<RedisTime>(this.redis().time()).catch(() => null));
  }

  /**
   * The entry with Redis' TIME, exactly: what loads are stamped with. One round trip (with the stamps of
   * the tags the entry carried last time), and a second for the stamps of tags this process did not expect.
   */
  async read<T>(key: string): Promise<StoredEntry<T>> {
    const tags = this.tagsOf.get(key) ?? [];
    const keys = [this.keys.entry(key), ...tags.map((tag) => this.keys.tag(tag))];
    // Sent at once: a load waits for it (and, in a burst, so do the callers queued behind that load).
    const reply = await this.batcher.read(keys, true, true);
    const time = reply.time!;
    this.clock.observe(time, reply.sentAt, reply.receivedAt);
    const envelope = await this.judge<T>(key, reply.values[0], reply.values, tags);
    return { envelope, now: Number(time[0]) * 1e6 + Number(time[1]) };
  }

  /**
   * The entry for a hit, in one round trip: the entry and the stamps of the tags it carried last time, in
   * one MGET (on a Cluster, one GET each, sent at once); no TIME while this process's estimate of Redis'
   * clock is recent (lib/cache/redis-clock.ts). A second round trip only when the entry carries tags this
   * process did not expect (its first read of the key, or tags that changed).
   *
   * `lockToken`, asked when the read is sent: a token when callers wait on it (a burst), so that the key's
   * lock is taken in the same round trip should the entry be missing or invalidated (one Redis only:
   * lib/redis/scripts/read-or-lock.ts). The read then says whether it was taken.
   */
  readForHit<T>(
    key: string,
    expectedTags: readonly string[] | undefined,
    lockToken?: () => string | null,
    lockTtlMs = 0,
  ): Promise<HitRead<T>> {
    const tags = this.tagsOf.get(key) ?? expectedTags ?? [];
    const keys = [this.keys.entry(key)];
    for (const tag of tags) keys.push(this.keys.tag(tag));
    let token: string | null = null;
    const lockAhead =
      lockToken &&
      ((): LockAhead | null => {
        token = lockToken();
        return token === null ? null : { key: this.keys.lock(key), token, ttlMs: lockTtlMs, version: ENVELOPE_VERSION };
      });
    return this.batcher.read(keys, this.clock.bounds() === null, false, lockAhead).then((reply) => {
      if (reply.time) this.clock.observe(reply.time, reply.sentAt, reply.receivedAt);
      const lock = reply.locked ? token! : undefined;
      const judged = this.judge<T>(key, reply.values[0], reply.values, tags);
      return judged instanceof Promise
        ? judged.then((envelope) => this.withClock(envelope, reply.time, lock))
        : this.withClock(judged, reply.time, lock);
    });
  }

  /** The read's envelope with where Redis' clock stood: its TIME, or this process's estimate. */
  private withClock<T>(
    envelope: Envelope<T> | null,
    time: RedisTime | null,
    lockToken?: string,
  ): HitRead<T> | Promise<HitRead<T>> {
    const clock = time ? exactly(time) : this.clock.bounds();
    if (clock) return lockToken ? { envelope, clock, lockToken } : { envelope, clock };
    // The estimate aged out while the read was on its way (a very slow reply): ask Redis' clock.
    return this.roundTrip(this.redis().time()).then((now) =>
      lockToken ? { envelope, clock: exactly(now), lockToken } : { envelope, clock: exactly(now) },
    );
  }

  /**
   * Decodes the entry and checks its tags' stamps: `replies[i + 1]` is the stamp of `asked[i]`; stamps of
   * tags not asked for are read now (a second round trip: the only case that returns a promise).
   */
  private judge<T>(
    key: string,
    raw: string | null,
    replies: readonly (string | null)[],
    asked: readonly string[],
  ): Envelope<T> | null | Promise<Envelope<T> | null> {
    const envelope = decodeEnvelope<T>(raw);
    if (!envelope) return null;
    this.remember(key, envelope.tags);
    if (envelope.tags.length === 0) return envelope;
    const stamps: (string | null)[] = [];
    let missing: string[] | null = null;
    for (const tag of envelope.tags) {
      const i = asked.indexOf(tag);
      if (i < 0) (missing ??= []).push(tag);
      else stamps.push(replies[i + 1]);
    }
    if (missing === null) return notInvalidated(stamps, envelope.at) ? envelope : null;
    return this.batcher
      .read(
        missing.map((tag) => this.keys.tag(tag)),
        false,
      )
      .then((reply) => {
        stamps.push(...reply.values);
        return notInvalidated(stamps, envelope.at) ? envelope : null;
      });
  }

  /** Remembers the entry's tags, when they changed (oldest forgotten first). */
  private remember(key: string, tags: string[]): void {
    const known = this.tagsOf.get(key);
    if (known && sameTags(known, tags)) return;
    this.tagsOf.delete(key);
    if (tags.length === 0) return;
    this.tagsOf.set(key, tags);
    if (this.tagsOf.size > REMEMBERED_TAGS) this.tagsOf.delete(this.tagsOf.keys().next().value!);
  }

  async write(key: string, encoded: string, lifetimeMs: number, tags: string[]): Promise<void> {
    const lifetime = Math.max(1, Math.round(lifetimeMs));
    await this.roundTrip(this.redis().set(this.keys.entry(key), encoded, "PX", lifetime));
    this.remember(key, tags);
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

function exactly(time: RedisTime): ClockBounds {
  const now = Number(time[0]) * 1e6 + Number(time[1]);
  return { earliest: now, latest: now };
}

/** Whether no stamp says a tag was invalidated at or after `at` (when the entry's load began). */
function notInvalidated(stamps: (string | null)[], at: number): boolean {
  for (const stamp of stamps) if (stamp !== null && Number(stamp) >= at) return false;
  return true;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
