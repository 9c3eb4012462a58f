import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import { orderKeys } from "./keys";
import { claimKey, recordAnswer, releaseKey, RECORD_TTL_MS, RUNNING_TTL_MS } from "./idempotency";

// Idempotency records against the real test Redis.
beforeAll(() => awaitReady("state"));
afterAll(() => closeRedisClients());

const scope = () => `c:${randomUUID()}`;

describe("idempotency records", () => {
  it("a claim lives a minute until its answer, which is kept 24 hours and replayed", async () => {
    const [s, key] = [scope(), randomUUID()];
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "claimed" });
    const ttl = await redisClient("state").pttl(orderKeys.idempotency(s, key));
    expect(ttl).toBeGreaterThan(RUNNING_TTL_MS - 10_000);
    expect(ttl).toBeLessThanOrEqual(RUNNING_TTL_MS);
    const answer = { status: 402, body: { error: { code: "payment_declined" } } };
    await recordAnswer(s, key, "hash", answer);
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "replay", answer });
    expect(await redisClient("state").pttl(orderKeys.idempotency(s, key))).toBeGreaterThan(RECORD_TTL_MS - 60_000);
  });

  it("the same key with another body is a conflict", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "first");
    expect((await claimKey(s, key, "second", 0)).kind).toBe("conflict");
  });

  it("while the first request runs, a second waits for its answer, or gives up saying it is in progress", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "hash");
    const gaveUp = await claimKey(s, key, "hash", 300);
    expect(gaveUp).toEqual({ kind: "conflict", message: expect.stringContaining("still in progress") });

    const waiting = claimKey(s, key, "hash", 5_000);
    const answer = { status: 201, body: { order: { id: "o1" } } };
    await recordAnswer(s, key, "hash", answer);
    expect(await waiting).toEqual({ kind: "replay", answer });
  });

  it("a released key (no final answer) can be claimed again", async () => {
    const [s, key] = [scope(), randomUUID()];
    await claimKey(s, key, "hash");
    await releaseKey(s, key);
    expect(await claimKey(s, key, "hash")).toEqual({ kind: "claimed" });
  });
});
