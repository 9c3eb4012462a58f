import { describe, expect, it, vi } from "vitest";
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

  it("restores Dates with a plain JSON.parse, only where Dates were written", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const value = {
      updatedAt: at,
      count: at.getTime(), // a number that happens to equal a Date's time stays a number
      variants: Array.from({ length: 10 }, (_, i) => ({ id: i, createdAt: new Date(i) })),
      mixed: [new Date(1), 1, { at: new Date(2) }],
      root: [[new Date(3)], [new Date(4)]],
    };
    const encoded = encodeEnvelope(envelope(value));
    // Ten variants with a Date each: one path with -1 (every element), not ten.
    expect(encoded).toContain('["variants",-1,"createdAt"]');
    const parse = vi.spyOn(JSON, "parse");
    const decoded = decodeEnvelope<typeof value>(encoded)!;
    expect(parse).toHaveBeenCalledWith(encoded); // no reviver
    parse.mockRestore();
    expect(decoded.value).toEqual(value);
    expect(decoded.value.count).toBe(at.getTime());
    expect(decoded.value.variants[9].createdAt).toEqual(new Date(9));
    expect(decoded.value.mixed[1]).toBe(1);
    expect(decoded.value.root[1][0]).toEqual(new Date(4));
    expect(decodeEnvelope<Date>(encodeEnvelope(envelope(at)))!.value).toEqual(at);
    const shared = { at: new Date(7) }; // one object in two places: a Date at both
    const twice = decodeEnvelope<{ a: typeof shared; b: typeof shared }>(
      encodeEnvelope(envelope({ a: shared, b: shared })),
    );
    expect(twice!.value).toEqual({ a: shared, b: shared });
  });

  it("writes arrays of same-shaped objects as rows, their keys once, and reads them back as they were", () => {
    const variants = Array.from({ length: 6 }, (_, i) => ({
      id: i,
      sku: `SKU-${i}`,
      options: { size: "M" },
      at: new Date(i),
      tags: [{ a: 1 }, { a: 2 }, { a: 3 }],
    }));
    const value = {
      variants,
      // Each would pay for rows (six objects, long keys), and each must stay objects:
      mixed: Array.from({ length: 6 }, (_, i) => (i === 3 ? { quantity: i, extra: 1 } : { quantity: i, discount: 0 })),
      holes: Array.from({ length: 6 }, (_, i) => ({ quantity: i, discount: undefined })), // a row would write null
      proto: Array.from({ length: 6 }, (_, i) => JSON.parse(`{"quantity":${i},"__proto__":${i}}`)),
    };
    const encoded = encodeEnvelope(envelope(value));
    expect(encoded.split('"sku"').length - 1).toBe(1);
    const decoded = decodeEnvelope<typeof value>(encoded)!.value;
    expect(decoded).toEqual(JSON.parse(JSON.stringify(value), (key, v) => (key === "at" ? new Date(v) : v)));
    expect(Object.keys(decoded.variants[5])).toEqual(["id", "sku", "options", "at", "tags"]);
    expect(decoded.variants[5].at).toEqual(new Date(5));
    expect(decoded.holes[0]).not.toHaveProperty("discount");
    expect(decoded.mixed[3]).toEqual({ quantity: 3, extra: 1 });
    expect(Object.getPrototypeOf(decoded.proto[1])).toBe(Object.prototype);
    expect(Object.keys(decoded.proto[1])).toEqual(["quantity", "__proto__"]);
    expect(encoded).not.toContain("[0,0]"); // none of the three became rows
  });

  it("costs little beyond the value's own JSON", () => {
    const value = { id: 1, name: "tee", updatedAt: new Date() };
    const tags = ["product:1"];
    const encoded = encodeEnvelope({ at: 1_700_000_000_000_000, exp: 1_700_003_600_000_000, tags, value });
    // Version, two stamps, the tags, where the Date is; the Date itself as 13 digits instead of 26 characters.
    expect(encoded.length - JSON.stringify(value).length).toBeLessThanOrEqual(60);
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
