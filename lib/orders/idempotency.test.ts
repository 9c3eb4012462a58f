import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import { orderKeys } from "./keys";
import { claimKey, recordOutcome, releaseKey, RECORD_TTL_MS, RUNNING_TTL_MS } from "./idempotency";
import type { OrderOutcome } from "./outcome";

// Idempotency records against the real test Redis.
beforeAll(() => awaitReady("state"));
afterAll(() => closeRedisClients());

const scope = () => `c:${randomUUID()}`;

describe("idempotency records", () => {
  it("a claim lives a minute until its outcome, which is kept 24 hours and replayed", async () => {
    const [s, key] = [scope(), randomUUID()];
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "claimed" });
    const ttl = await redisClient("state").pttl(orderKeys.idempotency(s, key));
    expect(ttl).toBeGreaterThan(RUNNING_TTL_MS - 10_000);
    expect(ttl).toBeLessThanOrEqual(RUNNING_TTL_MS);
    const outcome: OrderOutcome = {
      kind: "declined",
      order: { id: "o1", number: "BR-1", status: "payment_failed" },
      reason: "Your card was declined.",
    };
    await recordOutcome(s, key, "hash", outcome);
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "replay", outcome });
    expect(await redisClient("state").pttl(orderKeys.idempotency(s, key))).toBeGreaterThan(RECORD_TTL_MS - 60_000);
  });

  it("the same key with another body is a conflict", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "first");
    expect((await claimKey(s, key, "second", 0)).kind).toBe("conflict");
  });

  it("while the first request runs, a second waits for its outcome, or gives up saying it is in progress", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "hash");
    const gaveUp = await claimKey(s, key, "hash", 300);
    expect(gaveUp).toEqual({ kind: "conflict", message: expect.stringContaining("still in progress") });

    const waiting = claimKey(s, key, "hash", 5_000);
    const outcome = { kind: "existing", order: { id: "o1" } } as OrderOutcome;
    await recordOutcome(s, key, "hash", outcome);
    expect(await waiting).toEqual({ kind: "replay", outcome });
  });

  it("a released key (no final outcome) can be claimed again", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "hash");
    await releaseKey(s, key);
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "claimed" });
  });

  it("an earlier deployment's record (an HTTP answer, no version) is dropped and the key claimed again", async () => {
    const [s, key] = [scope(), randomUUID()];
    const legacy = { state: "done", hash: "hash", answer: { status: 201, body: { order: { id: "o1" } } } };
    await redisClient("state").set(orderKeys.idempotency(s, key), JSON.stringify(legacy), "PX", 60_000);
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "claimed" });
    expect(JSON.parse((await redisClient("state").get(orderKeys.idempotency(s, key)))!)).toEqual({
      state: "running",
      hash: "hash",
    });
    // With another body, it is still a conflict.
    const [s2, key2] = [scope(), randomUUID()];
    await redisClient("state").set(orderKeys.idempotency(s2, key2), JSON.stringify(legacy), "PX", 60_000);
    expect((await claimKey(s2, key2, "other", 0)).kind).toBe("conflict");
  });
});
