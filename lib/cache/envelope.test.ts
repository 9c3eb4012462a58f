import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEnvelope, ENVELOPE_VERSION } from "./envelope";

describe("cache envelope", () => {
  it("round-trips values with Dates, nested, as Dates", () => {
    const value = { updatedAt: new Date("2026-11-26T10:00:00.123Z"), nested: [{ at: new Date(0) }], n: 1, s: "x" };
    const decoded = decodeEnvelope<typeof value>(encodeEnvelope(value, 42, ["product:1"]));
    expect(decoded).toEqual({ v: ENVELOPE_VERSION, at: 42, tags: ["product:1"], value });
    expect(decoded?.value.updatedAt).toBeInstanceOf(Date);
    expect(decoded?.value.nested[0].at.getTime()).toBe(0);
  });

  it("keeps null (a cached 'not found') apart from a missing entry", () => {
    expect(decodeEnvelope(encodeEnvelope(null, 1, []))?.value).toBeNull();
    expect(decodeEnvelope(null)).toBeNull();
  });

  it("treats corrupt, foreign and other-version values as misses", () => {
    expect(decodeEnvelope("{not json")).toBeNull();
    expect(decodeEnvelope('"a plain string"')).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ name: "someone else's key" }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ v: ENVELOPE_VERSION + 1, at: 1, tags: [], value: 1 }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ v: ENVELOPE_VERSION, at: "1", tags: [], value: 1 }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ v: ENVELOPE_VERSION, at: 1, tags: [3], value: 1 }))).toBeNull();
  });

  it("refuses what JSON cannot hold instead of storing something else", () => {
    expect(() => encodeEnvelope({ big: BigInt(1) }, 1, [])).toThrow();
  });
});
