import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEnvelope, ENVELOPE_VERSION } from "./envelope";

const envelope = <T>(value: T) => ({ at: 42, exp: 99, tags: ["product:1"], value });

describe("cache envelope", () => {
  it("round-trips values with Dates, nested, as Dates", () => {
    const value = { updatedAt: new Date("2026-11-26T10:00:00.123Z"), nested: [{ at: new Date(0) }], n: 1, s: "x" };
    const decoded = decodeEnvelope<typeof value>(encodeEnvelope(envelope(value)));
    expect(decoded).toEqual({ v: ENVELOPE_VERSION, ...envelope(value) });
    expect(decoded?.value.updatedAt).toBeInstanceOf(Date);
    expect(decoded?.value.nested[0].at.getTime()).toBe(0);
  });

  it("keeps null (a cached 'not found') apart from a missing entry", () => {
    expect(decodeEnvelope(encodeEnvelope(envelope(null)))?.value).toBeNull();
    expect(decodeEnvelope(null)).toBeNull();
  });

  it("treats corrupt, foreign and other-version values as misses", () => {
    const valid = { v: ENVELOPE_VERSION, at: 1, exp: 2, tags: [], value: 1 };
    expect(decodeEnvelope(JSON.stringify(valid))).toEqual(valid);
    expect(decodeEnvelope("{not json")).toBeNull();
    expect(decodeEnvelope('"a plain string"')).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ name: "someone else's key" }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ ...valid, v: ENVELOPE_VERSION - 1 }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ ...valid, at: "1" }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ ...valid, exp: undefined }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ ...valid, tags: [3] }))).toBeNull();
  });

  it("refuses what JSON cannot hold instead of storing something else", () => {
    expect(() => encodeEnvelope(envelope({ big: BigInt(1) }))).toThrow();
  });
});
