import type { Cluster, Redis } from "ioredis";
import { READ_OR_LOCK_LUA } from "../redis/scripts/read-or-lock";
import { runScript } from "../redis/scripts/run";
import type { RedisTime } from "./redis-clock";

/** What one read got back: the keys' values in order (null when missing), and Redis' TIME when asked for. */
export interface BatchReply {
  values: (string | null)[];
  time: RedisTime | null;
  /** When the batch was written and when its reply was read (monotonic ms, `performance.now()`). */
  sentAt: number;
  receivedAt: number;
  /** The lock asked for with the read (LockAhead) was taken: the entry could not answer. */
  locked?: boolean;
}

/** The lock to take with a read, should its entry be missing or invalidated (read-or-lock.ts). */
export interface LockAhead {
  key: string;
  token: string;
  ttlMs: number;
  /** The entries' envelope version: the script reads when a load began from `[<version>,<at>,`. */
  version: number;
}

interface Queued {
  keys: string[];
  withTime: boolean;
  /** Asked when the read is sent: a lock to take with it, or null. */
  lockAhead?: () => LockAhead | null;
  resolve: (reply: BatchReply) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads per MGET. One MGET for a whole burst makes Redis and this process take turns (every reply of the
 * burst is parsed only once the last has arrived); a few smaller ones overlap, each decoded as it comes.
 * 16 did best with 64 concurrent callers (bench/cache-peers.md: about 10% more hits per second than one
 * MGET for all 64, and twice as many as one GET each).
 */
const READS_PER_COMMAND = 16;
/** Keys per MGET at most (reads with many tags). */
const MAX_KEYS_PER_COMMAND = 256;

/**
 * The cache's reads of one tick, sent together. ioredis writes every command to the socket on its own (a
 * system call each); auto-pipelining batches them but keeps one pipeline in flight and queues the next
 * tick's commands behind it (see lib/redis/clients.ts). Here every tick's reads leave at once as MGETs of
 * up to 16 reads (with TIME, when a reader asked for it, in the same write), whether or not an earlier
 * batch is still in flight: a single Redis answers them in order, one round trip each.
 *
 * On a Cluster the keys of a read live in different slots, so each key is a GET of its own, all sent at
 * once (still one round trip, one command per key).
 */
export class ReadBatcher {
  private queue: Queued[] = [];

  /** @param roundTrip bounds each batch's round trip (the cache's deadline), once for all its readers. */
  constructor(
    private readonly redis: () => Redis | Cluster,
    private readonly roundTrip: <R>(reply: Promise<R>) => Promise<R>,
  ) {}

  /**
   * @param now send at once, alone, instead of with the tick's other reads (a miss about to load).
   * @param lockAhead asked when the tick's reads are sent (its callers known by then): a lock to take in the
   * same round trip should the entry, `keys[0]`, not answer; one script of its own (one Redis only: on a
   * Cluster the lock lives in another slot, and the read goes as any other).
   */
  read(keys: string[], withTime: boolean, now = false, lockAhead?: () => LockAhead | null): Promise<BatchReply> {
    return new Promise<BatchReply>((resolve, reject) => {
      const read = { keys, withTime, lockAhead, resolve, reject };
      if (now) return this.send([read]);
      // process.nextTick runs once the promise jobs of this turn are done: every read begun by them joins.
      if (this.queue.length === 0) process.nextTick(() => this.flush());
      this.queue.push(read);
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.send(batch);
  }

  private send(batch: Queued[]): void {
    let client: Redis | Cluster;
    try {
      client = this.redis();
    } catch (error) {
      for (const read of batch) read.reject(error);
      return;
    }
    if (client.isCluster) for (const read of batch) readOneByOne(client, read, this.roundTrip);
    else {
      const together: Queued[] = [];
      for (const read of batch) {
        const lock = read.lockAhead?.();
        if (lock) readOrLock(client as Redis, read, lock, this.roundTrip);
        else together.push(read);
      }
      for (let i = 0; i < together.length; i += READS_PER_COMMAND) {
        readTogether(client as Redis, together.slice(i, i + READS_PER_COMMAND), this.roundTrip);
      }
    }
  }
}

type RoundTrip = <R>(reply: Promise<R>) => Promise<R>;

function readOneByOne(client: Redis | Cluster, read: Queued, roundTrip: RoundTrip): void {
  const sentAt = performance.now();
  const replies = Promise.all([
    Promise.all(read.keys.map((key) => client.get(key))),
    read.withTime ? client.time() : null,
  ]);
  roundTrip(replies).then(
    ([values, time]) => read.resolve({ values, time: time as RedisTime | null, sentAt, receivedAt: performance.now() }),
    read.reject,
  );
}

function readTogether(client: Redis, batch: Queued[], roundTrip: RoundTrip): void {
  if (batch.length === 1 && !batch[0].withTime && batch[0].keys.length <= MAX_KEYS_PER_COMMAND) {
    return readAlone(client, batch[0], roundTrip);
  }
  const slots = new Map<string, number>();
  for (const read of batch) for (const key of read.keys) if (!slots.has(key)) slots.set(key, slots.size);
  const unique = [...slots.keys()];
  const withTime = batch.some((read) => read.withTime);
  const sentAt = performance.now();
  let replies: Promise<[(string | null)[], RedisTime | null]>;
  if (unique.length <= MAX_KEYS_PER_COMMAND && !withTime) {
    replies = client.mget(unique).then((values) => [values, null]);
  } else {
    const pipeline = client.pipeline();
    for (let i = 0; i < unique.length; i += MAX_KEYS_PER_COMMAND) {
      pipeline.mget(unique.slice(i, i + MAX_KEYS_PER_COMMAND));
    }
    if (withTime) pipeline.time();
    replies = pipeline.exec().then((results) => {
      const values: (string | null)[] = [];
      let time: RedisTime | null = null;
      for (const [index, [error, result]] of (results ?? []).entries()) {
        if (error) throw error;
        if (withTime && index === results!.length - 1) time = result as RedisTime;
        else values.push(...(result as (string | null)[]));
      }
      if (values.length !== unique.length) throw new Error("Redis answered a batch of reads only in part");
      return [values, time];
    });
  }
  roundTrip(replies).then(
    ([values, time]) => {
      const receivedAt = performance.now();
      for (const read of batch) {
        read.resolve({
          values: read.keys.map((key) => values[slots.get(key)!]),
          time: read.withTime ? time : null,
          sentAt,
          receivedAt,
        });
      }
    },
    (error: unknown) => {
      for (const read of batch) read.reject(error);
    },
  );
}

/** One read whose entry's lock is taken in the same step when the entry cannot answer (TIME with it). */
function readOrLock(client: Redis, read: Queued, lock: LockAhead, roundTrip: RoundTrip): void {
  const sentAt = performance.now();
  const [entry, ...stamps] = read.keys;
  const keys = [entry, lock.key, ...stamps];
  roundTrip(
    runScript(client, READ_OR_LOCK_LUA, keys, lock.token, lock.ttlMs, read.withTime ? 1 : 0, lock.version),
  ).then((reply) => {
    const [value, locked, seconds, microseconds, ...stampValues] = reply as (string | number | null)[];
    read.resolve({
      values: [value as string | null, ...(stampValues as (string | null)[])],
      time: seconds ? [String(seconds), String(microseconds)] : null,
      sentAt,
      receivedAt: performance.now(),
      locked: locked === 1,
    });
  }, read.reject);
}

/** One read with no TIME (a single caller's tick): its keys in one MGET, nothing to share out. */
function readAlone(client: Redis, read: Queued, roundTrip: RoundTrip): void {
  const sentAt = performance.now();
  roundTrip(client.mget(read.keys)).then(
    (values) => read.resolve({ values, time: null, sentAt, receivedAt: performance.now() }),
    read.reject,
  );
}
