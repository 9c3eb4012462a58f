import { describe, expect, it } from "vitest";
import { Breaker } from "./breaker";

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("Breaker", () => {
  it("opens after `threshold` failures in a row, not before", () => {
    const breaker = new Breaker({ threshold: 3, cooldownMs: 100 });
    breaker.failure();
    breaker.failure();
    expect(breaker.state).toBe("closed");
    expect(breaker.allows()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("open");
    expect(breaker.allows()).toBe(false);
  });

  it("counts failures in a row: a success in between resets the count", () => {
    const breaker = new Breaker({ threshold: 2 });
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe("closed");
  });

  it("lets exactly one probe through after the cooldown, and closes when it succeeds", () => {
    const time = clock();
    const breaker = new Breaker({ threshold: 1, cooldownMs: 100 }, time.now);
    breaker.failure();
    time.advance(99);
    expect(breaker.skipping).toBe(true);
    expect(breaker.allows()).toBe(false);
    time.advance(1);
    expect(breaker.skipping).toBe(false);
    expect(breaker.allows()).toBe(true);
    expect(breaker.state).toBe("half-open");
    expect(breaker.allows()).toBe(false);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.allows()).toBe(true);
  });

  it("opens again at once when the probe fails", () => {
    const time = clock();
    const breaker = new Breaker({ threshold: 5, cooldownMs: 100 }, time.now);
    for (let i = 0; i < 5; i++) breaker.failure();
    time.advance(100);
    expect(breaker.allows()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("open");
    expect(breaker.allows()).toBe(false);
  });
});
