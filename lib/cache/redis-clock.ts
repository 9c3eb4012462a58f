/**
 * This process's estimate of Redis' clock, so that a hit needs no TIME of its own. A sample is one TIME
 * reply: Redis read its clock somewhere between sending the command and reading the reply, so Redis' time
 * now lies between `sample + (elapsed since the reply)` and `sample + (elapsed since the send)`. Elapsed
 * time is measured on the monotonic clock (`performance.now()`): the app server's wall clock, however
 * wrong or however stepped, is never used. Allowing for the two clocks' rates to differ by up to 0.1%,
 * the interval widens with the sample's age; a sample older than `maxAgeMs` is not used at all (the caller
 * asks Redis for TIME in the same round trip instead), and a sample older than `refreshMs` asks for a new
 * one in the background.
 */

/** How far the monotonic clock and Redis' clock may drift apart, per unit of time (generous: NTP slews by at most 0.05%). */
const DRIFT = 0.001;

/** A TIME reply: seconds and microseconds (ioredis gives them as strings or numbers). */
export type RedisTime = (string | number)[];

export interface ClockBounds {
  /** Redis' clock is at least this now (epoch µs). */
  earliest: number;
  /** Redis' clock is at most this now (epoch µs). */
  latest: number;
}

interface Sample {
  redisUs: number;
  sentAt: number;
  receivedAt: number;
}

export class RedisClock {
  private sample: Sample | null = null;
  private refreshing = false;

  constructor(
    /** Asks Redis for TIME (the cache runs it under its breaker and deadline); resolves null on failure. */
    private readonly readTime: () => Promise<RedisTime | null>,
    private readonly options: { refreshMs?: number; maxAgeMs?: number } = {},
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A TIME reply `[seconds, micros]` that was sent at `sentAt` and read at `receivedAt` (monotonic ms). */
  observe(time: RedisTime, sentAt: number, receivedAt: number): void {
    const redisUs = Number(time[0]) * 1e6 + Number(time[1]);
    const candidate = { redisUs, sentAt, receivedAt };
    // Keep whichever sample is the tighter now: a fresh one unless it took much longer to come back.
    if (!this.sample || this.width(candidate) <= this.width(this.sample)) this.sample = candidate;
  }

  /** Where Redis' clock is now, or null when no sample is recent enough to say. */
  bounds(): ClockBounds | null {
    const sample = this.sample;
    if (!sample) return null;
    const now = this.now();
    const age = now - sample.receivedAt;
    if (age > (this.options.maxAgeMs ?? 10_000)) return null;
    if (age > (this.options.refreshMs ?? 1_000)) this.refresh();
    const drift = (now - sample.sentAt) * DRIFT * 1000;
    return {
      earliest: sample.redisUs + (now - sample.receivedAt) * 1000 - drift,
      latest: sample.redisUs + (now - sample.sentAt) * 1000 + drift,
    };
  }

  /** How uncertain (µs) a sample makes the clock now. */
  private width(sample: Sample): number {
    const now = this.now();
    return (sample.receivedAt - sample.sentAt) * 1000 + 2 * (now - sample.sentAt) * DRIFT * 1000;
  }

  private refresh(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    const sentAt = this.now();
    this.readTime()
      .then((time) => {
        if (time) this.observe(time, sentAt, this.now());
      })
      .catch(() => undefined)
      .finally(() => (this.refreshing = false));
  }
}
