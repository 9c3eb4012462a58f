import { describe, expect, it, vi } from "vitest";
import { RedisClock } from "./redis-clock";

function monotonic() {
  let now = 5_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("RedisClock", () => {
  it("knows nothing before a first TIME", () => {
    expect(new RedisClock(async () => null).bounds()).toBeNull();
  });

  it("places Redis' clock between the sample plus the time since the reply and plus the time since the send", () => {
    const time = monotonic();
    const clock = new RedisClock(async () => null, {}, time.now);
    clock.observe(["1000", "0"], 4_998, 5_000); // sent 2 ms before the reply was read
    time.advance(10);
    const bounds = clock.bounds()!;
    expect(bounds.earliest).toBeLessThanOrEqual(1_000_010_000);
    expect(bounds.earliest).toBeGreaterThan(1_000_009_900); // 0.1% drift allowed, no more
    expect(bounds.latest).toBeGreaterThanOrEqual(1_000_012_000);
    expect(bounds.latest).toBeLessThan(1_000_012_100);
  });

  it("asks for a new sample in the background once a second, and stops trusting one after ten", async () => {
    const time = monotonic();
    const readTime = vi.fn(async () => null);
    const clock = new RedisClock(readTime, { refreshMs: 1_000, maxAgeMs: 10_000 }, time.now);
    clock.observe(["1000", "0"], 5_000, 5_000);
    time.advance(999);
    clock.bounds();
    expect(readTime).not.toHaveBeenCalled();
    time.advance(2);
    expect(clock.bounds()).not.toBeNull();
    expect(readTime).toHaveBeenCalledTimes(1);
    time.advance(10_000);
    expect(clock.bounds()).toBeNull();
  });

  it("keeps the tighter of two samples", () => {
    const time = monotonic();
    const clock = new RedisClock(async () => null, {}, time.now);
    clock.observe(["1000", "0"], 4_999, 5_000);
    time.advance(5);
    clock.observe(["1000", "5000"], 4_005, 5_005); // a reply that took a second: much wider
    const bounds = clock.bounds()!;
    expect(bounds.latest - bounds.earliest).toBeLessThan(1_100);
  });
});
