/**
 * What the cache stores under a key: the value, when its load started, until when it is fresh, its tags,
 * and the envelope's schema version. A deploy that changes the shape bumps the version, and old entries
 * become misses instead of crashes. Dates survive the round trip (JSON alone turns them into strings);
 * anything that does not parse as a current envelope is a miss, and is overwritten by the next load.
 */

export const ENVELOPE_VERSION = 2;

export interface Envelope<T> {
  v: number;
  /** When the load that produced `value` started (Redis clock, epoch µs): older than a tag's invalidation = stale. */
  at: number;
  /** Fresh until this moment (Redis clock, epoch µs); after it, servable only within the grace period. */
  exp: number;
  tags: string[];
  value: T;
}

const DATE_MARK = "$date";

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // `value` has been through Date#toJSON already; the holder still has the Date itself.
  const raw = this[key];
  return raw instanceof Date ? { [DATE_MARK]: raw.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const fields = Object.keys(value);
    const time = (value as Record<string, unknown>)[DATE_MARK];
    if (fields.length === 1 && typeof time === "number") return new Date(time);
  }
  return value;
}

export function encodeEnvelope<T>(envelope: Omit<Envelope<T>, "v">): string {
  return JSON.stringify({ v: ENVELOPE_VERSION, ...envelope }, replacer);
}

/** The envelope in `raw`, or null when it is missing, corrupt, foreign or of another version. */
export function decodeEnvelope<T>(raw: string | null): Envelope<T> | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw, reviver);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const envelope = parsed as Partial<Envelope<T>>;
  const valid =
    envelope.v === ENVELOPE_VERSION &&
    typeof envelope.at === "number" &&
    typeof envelope.exp === "number" &&
    Array.isArray(envelope.tags) &&
    envelope.tags.every((tag) => typeof tag === "string") &&
    "value" in envelope;
  return valid ? (envelope as Envelope<T>) : null;
}
