import { describe, expect, it } from "vitest";
import { WRONG_TRIES_WINDOW_MS } from "./code-store";
import { LOCKED_FROM, lockoutMs } from "./guess-budget";

const MINUTE = 60_000;
const now = Date.UTC(2026, 10, 29, 12);
const tries = (count: number, newestMinutesAgo: number, lockingMinutesAgo = 0) => ({
  count,
  newestAt: count ? now - newestMinutesAgo * MINUTE : 0,
  lockingAt: count >= LOCKED_FROM ? now - lockingMinutesAgo * MINUTE : 0,
});

describe("the lock-out on new codes grows with the e-mail's wrong tries in 24 hours", () => {
  it("lets a few wrong tries pass", () => {
    expect(lockoutMs(tries(0, 0), now)).toBe(0);
    expect(lockoutMs(tries(2, 0), now)).toBe(0);
  });

  it("waits 15 minutes after the newest from 3, an hour from 6", () => {
    expect(lockoutMs(tries(3, 0), now)).toBe(15 * MINUTE);
    expect(lockoutMs(tries(5, 10), now)).toBe(5 * MINUTE);
    expect(lockoutMs(tries(5, 16), now)).toBe(0);
    expect(lockoutMs(tries(6, 0), now)).toBe(60 * MINUTE);
    expect(lockoutMs(tries(8, 59), now)).toBe(MINUTE);
  });

  it(`from ${LOCKED_FROM}, waits until enough of them are 24 hours old`, () => {
    expect(lockoutMs(tries(LOCKED_FROM, 0, 60), now)).toBe(WRONG_TRIES_WINDOW_MS - 60 * MINUTE);
    expect(lockoutMs(tries(LOCKED_FROM + 4, 0, 24 * 60 - 1), now)).toBe(MINUTE);
  });
});
