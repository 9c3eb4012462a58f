/**
 * What the cache stores under a key: the value, when its load started, until when it is fresh, its tags,
 * and the envelope's schema version. A deploy that changes the shape bumps the version, and old entries
 * become misses instead of crashes. Anything that does not parse as a current envelope is a miss, and is
 * overwritten by the next load.
 *
 * Stored as one JSON array, `[3, at, exp - at, tags, dates, value]`, read with a plain `JSON.parse` (no
 * reviver: it costs a call per key of the value). Dates are written as epoch milliseconds and `dates` lists
 * where they are (paths into the value; `-1` stands for every element of an array), so only those places
 * are turned back into Dates. The spelled-out object `{ v, at, exp, tags, value }` of the same version is
 * read too (without Dates).
 */

export const ENVELOPE_VERSION = 3;

export interface Envelope<T> {
  v: number;
  /** When the load that produced `value` started (Redis clock, epoch µs): older than a tag's invalidation = stale. */
  at: number;
  /** Fresh until this moment (Redis clock, epoch µs); after it, servable only within the grace period. */
  exp: number;
  tags: string[];
  value: T;
}

/** A step into the value: an object's key, an array's index, or -1 for every element of an array. */
type Step = string | number;
type Path = Step[];
const EVERY = -1;

/**
 * The value as JSON with Dates as epoch ms, and the paths of those Dates. The replacer sees every node
 * JSON.stringify writes (after toJSON), so the paths are exactly where the numbers land.
 */
function stringifyValue(value: unknown): { json: string; dates: Path[] } {
  const pathOf = new Map<object, Path>();
  const lengths = new Map<string, number>();
  const dates: Path[] = [];
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, node: unknown) {
    const raw = this[key];
    const parent = pathOf.get(this);
    const path: Path = parent === undefined ? [] : [...parent, Array.isArray(this) ? Number(key) : key];
    if (raw instanceof Date) {
      const time = raw.getTime();
      if (Number.isNaN(time)) return null;
      dates.push(path);
      return time;
    }
    if (node !== null && typeof node === "object") {
      pathOf.set(node, path);
      if (Array.isArray(node)) lengths.set(JSON.stringify(path), node.length);
    }
    return node;
  });
  return { json, dates: dates.length > 0 ? collapse(dates, lengths) : dates };
}

/**
 * Paths that differ only in one array's index, and cover every element of that array, become one path
 * with -1 there (ten variants with a Date each: one path, not ten).
 */
function collapse(paths: Path[], lengths: Map<string, number>): Path[] {
  for (let changed = true; changed;) {
    changed = false;
    const groups = new Map<string, { at: number; paths: Path[] }>();
    for (const path of paths) {
      for (let at = 0; at < path.length; at++) {
        if (typeof path[at] !== "number" || path[at] === EVERY) continue;
        const shape = JSON.stringify([at, path.slice(0, at), path.slice(at + 1)]);
        const group = groups.get(shape) ?? { at, paths: [] };
        group.paths.push(path);
        groups.set(shape, group);
      }
    }
    for (const { at, paths: members } of groups.values()) {
      const length = lengths.get(JSON.stringify(members[0].slice(0, at)));
      if (length === undefined || length < 2 || members.length !== length) continue;
      const kept = new Set(members);
      paths = [
        ...paths.filter((path) => !kept.has(path)),
        [...members[0].slice(0, at), EVERY, ...members[0].slice(at + 1)],
      ];
      changed = true;
      break;
    }
  }
  return paths;
}

/** Turns the epoch ms at `path` (from `step` on) back into Dates, in place. */
function restore(holder: unknown, path: Path, step: number): void {
  if (holder === null || typeof holder !== "object") return;
  const key = path[step];
  const node = holder as Record<string | number, unknown>;
  if (key === EVERY) {
    if (!Array.isArray(holder)) return;
    for (let i = 0; i < holder.length; i++) {
      if (step === path.length - 1) {
        if (typeof holder[i] === "number") holder[i] = new Date(holder[i] as number);
      } else restore(holder[i], path, step + 1);
    }
    return;
  }
  if (step === path.length - 1) {
    if (typeof node[key] === "number") node[key] = new Date(node[key] as number);
  } else restore(node[key], path, step + 1);
}

export function encodeEnvelope<T>(envelope: Omit<Envelope<T>, "v">): string {
  const { json, dates } = stringifyValue(envelope.value);
  // JSON has no `undefined`: a value that writes nothing is stored (and read back) as null.
  return `[${ENVELOPE_VERSION},${envelope.at},${envelope.exp - envelope.at},${JSON.stringify(envelope.tags)},${
    dates.length > 0 ? JSON.stringify(dates) : 0
  },${json ?? "null"}]`;
}

const isTags = (tags: unknown): tags is string[] => Array.isArray(tags) && tags.every((tag) => typeof tag === "string");

/** The envelope in `raw`, or null when it is missing, corrupt, foreign or of another version. */
export function decodeEnvelope<T>(raw: string | null): Envelope<T> | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) {
    const [v, at, lifetime, tags, dates] = parsed as unknown[];
    if (parsed.length !== 6 || v !== ENVELOPE_VERSION || typeof at !== "number" || typeof lifetime !== "number")
      return null;
    if (!isTags(tags) || !(dates === 0 || Array.isArray(dates))) return null;
    if (dates !== 0) {
      for (const path of dates) if (Array.isArray(path)) restore(parsed, [5, ...(path as Path)], 0);
    }
    return { v, at, exp: at + lifetime, tags, value: parsed[5] as T };
  }
  if (!parsed || typeof parsed !== "object") return null;
  const envelope = parsed as Partial<Envelope<T>>;
  const valid =
    envelope.v === ENVELOPE_VERSION &&
    typeof envelope.at === "number" &&
    typeof envelope.exp === "number" &&
    isTags(envelope.tags) &&
    "value" in envelope;
  return valid ? (envelope as Envelope<T>) : null;
}
