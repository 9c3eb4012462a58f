/**
 * A circuit breaker for the cache's Redis: after `threshold` failures in a row it opens, and the cache
 * stops calling Redis for `cooldownMs`; then one probe is let through (half-open): its success closes
 * the breaker, its failure opens it again. While open, reads go straight to the loader.
 */

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  threshold?: number;
  cooldownMs?: number;
}

export class Breaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = "closed";
  private readonly threshold: number;
  private readonly cooldownMs: number;

  constructor(
    options: BreakerOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.threshold = options.threshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 5_000;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Whether calls are being skipped now (open, cooldown not over); unlike `allows`, changes nothing. */
  get skipping(): boolean {
    return this.current === "open" && this.now() - this.openedAt < this.cooldownMs;
  }

  /** Whether a call to Redis may be made now; in half-open, only the one probe may. */
  allows(): boolean {
    if (this.current === "closed") return true;
    if (this.current === "open" && this.now() - this.openedAt >= this.cooldownMs) {
      this.current = "half-open";
      this.probing = false;
    }
    if (this.current === "half-open" && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.current = "closed";
  }

  failure(): void {
    this.failures++;
    this.probing = false;
    if (this.current === "half-open" || this.failures >= this.threshold) {
      this.current = "open";
      this.openedAt = this.now();
    }
  }
}
