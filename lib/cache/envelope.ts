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

/** lib/redis/scripts/read-or-lock.ts reads `at` from the array's start, `[<version>,<at>,`. */
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

/** Where the replacer is: the holder's path in the value as given, its keys when it is a record's row. */
interface Holder {
  path: Path;
  /** A row of a record array: element i of the row is the object's key `keys[i]`. */
  keys?: string[];
  /** Inside a record array's rows: no record array is made in there (decoding stays one level deep). */
  inRecord: boolean;
}

/** A record array: where it is, and its objects' keys in order (the rows hold the values). */
type RecordSpec = [Path, string[]];

/**
 * The keys shared by every element of `node`, when it is worth writing as rows: at least two plain
 * objects with the same keys in the same order, every value one JSON writes as is (no undefined, function
 * or symbol, which JSON drops from an object but would write as null in a row), and keys repeated long
 * enough to pay for the header. Otherwise null.
 */
function recordKeys(node: unknown[]): string[] | null {
  if (node.length < 2) return null;
  let keys: string[] | null = null;
  for (const element of node) {
    if (element === null || typeof element !== "object" || Array.isArray(element)) return null;
    const proto = Object.getPrototypeOf(element);
    if ((proto !== Object.prototype && proto !== null) || "toJSON" in element) return null;
    const own = Object.keys(element);
    if (keys === null) {
      if (own.length === 0 || own.includes("__proto__")) return null;
      keys = own;
    } else if (own.length !== keys.length || own.some((key, i) => key !== keys![i])) return null;
    for (const key of own) {
      const type = typeof (element as Record<string, unknown>)[key];
      if (type === "undefined" || type === "function" || type === "symbol") return null;
    }
  }
  const keyBytes = JSON.stringify(keys).length;
  return (node.length - 1) * keyBytes > keyBytes + 16 ? keys : null;
}

/**
 * The value as JSON, with Dates as epoch ms and arrays of same-shaped objects as rows of values (their
 * keys written once), and where both are. The replacer sees every node JSON.stringify writes (after
 * toJSON), so the paths are exactly where the numbers and rows land; paths are in the value as given.
 */
function stringifyValue(value: unknown): { json: string; dates: Path[]; records: RecordSpec[] } {
  const holders = new Map<object, Holder>();
  const lengths = new Map<string, number>();
  const dates: Path[] = [];
  const records: RecordSpec[] = [];
  const rowArrays = new Set<object>();
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, node: unknown) {
    const raw = this[key];
    const parent = holders.get(this);
    const step = parent?.keys ? parent.keys[Number(key)] : Array.isArray(this) ? Number(key) : key;
    const path: Path = parent === undefined ? [] : [...parent.path, step];
    const inRecord = parent?.inRecord ?? false;
    if (raw instanceof Date) {
      const time = raw.getTime();
      if (Number.isNaN(time)) return null;
      dates.push(path);
      return time;
    }
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) {
      lengths.set(JSON.stringify(path), node.length);
      const keys = inRecord ? null : recordKeys(node);
      if (keys) {
        const rows = node.map((element) => keys.map((k) => (element as Record<string, unknown>)[k]));
        records.push([path, keys]);
        holders.set(rows, { path, inRecord: true });
        rows.forEach((row, i) => {
          holders.set(row, { path: [...path, i], keys, inRecord: true });
          rowArrays.add(row);
        });
        return rows;
      }
    }
    // A record's row is registered already, with its keys; any other object (even one met before, as the
    // same object may sit in two places) is where the replacer now is.
    if (!rowArrays.has(node)) holders.set(node, { path, inRecord });
    return node;
  });
  return { json, dates: dates.length > 0 ? collapse(dates, lengths) : dates, records };
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

/** Turns the epoch ms at `path` (from `step` on) under `holder[key]` back into Dates, in place. */
function restore(holder: Record<string | number, unknown>, key: Step, path: Path, step: number): void {
  const node = holder[key];
  if (step === path.length) {
    if (typeof node === "number") holder[key] = new Date(node);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const next = path[step];
  if (next !== EVERY) return restore(node as Record<string | number, unknown>, next, path, step + 1);
  if (!Array.isArray(node)) return;
  for (let i = 0; i < node.length; i++) restore(node as unknown as Record<number, unknown>, i, path, step + 1);
}

export function encodeEnvelope<T>(envelope: Omit<Envelope<T>, "v">): string {
  const { json, dates, records } = stringifyValue(envelope.value);
  const shape = dates.length === 0 && records.length === 0 ? "0" : JSON.stringify([dates, records]);
  // The lifetime in ms (fractions for what is finer): 7 digits where µs would take 10.
  const lifetime = (envelope.exp - envelope.at) / 1000;
  // JSON has no `undefined`: a value that writes nothing is stored (and read back) as null.
  return `[${ENVELOPE_VERSION},${envelope.at},${lifetime},${JSON.stringify(envelope.tags)},${shape},${json ?? "null"}]`;
}

/** Turns the rows of the record array at `path` back into objects, in place. */
function rebuild(holder: Record<string | number, unknown>, key: Step, path: unknown[], step: number, keys: unknown[]) {
  if (step < path.length) {
    const node = holder[key];
    if (node !== null && typeof node === "object") {
      rebuild(node as Record<string | number, unknown>, path[step] as Step, path, step + 1, keys);
    }
    return;
  }
  const rows = holder[key];
  if (!Array.isArray(rows)) return;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) continue;
    const object: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) object[keys[k] as string] = row[k];
    rows[i] = object;
  }
}

function isTags(tags: unknown): tags is string[] {
  if (!Array.isArray(tags)) return false;
  for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== "string") return false;
  return true;
}

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
    if (parsed.length !== 6 || parsed[0] !== ENVELOPE_VERSION) return null;
    const at: unknown = parsed[1];
    const lifetime: unknown = parsed[2];
    const tags: unknown = parsed[3];
    const shape: unknown = parsed[4];
    if (typeof at !== "number" || typeof lifetime !== "number" || !isTags(tags)) return null;
    if (shape !== 0) {
      if (!Array.isArray(shape) || !Array.isArray(shape[0]) || !Array.isArray(shape[1])) return null;
      const holder = parsed as unknown as Record<number, unknown>;
      for (const spec of shape[1] as unknown[]) {
        if (Array.isArray(spec) && Array.isArray(spec[0]) && isTags(spec[1])) rebuild(holder, 5, spec[0], 0, spec[1]);
      }
      for (const path of shape[0] as unknown[]) if (Array.isArray(path)) restore(holder, 5, path, 0);
    }
    return { v: ENVELOPE_VERSION, at, exp: at + Math.round(lifetime * 1000), tags, value: parsed[5] as T };
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
