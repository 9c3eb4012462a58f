import type { GetOrSetOptions } from "./types";

/** Tag stamps are kept for three days: no entry may outlive them (TTL and grace of at most a day each). */
const MAX_TTL_SECONDS = 24 * 60 * 60;

const validTtl = (ttl: number) => ttl > 0 && ttl <= MAX_TTL_SECONDS;

/**
 * Throws a RangeError for a TTL, missing TTL or grace out of bounds. (Every call runs it: nothing allocated.)
 * A TTL given as a function is checked when a value is loaded ({@link ttlOf}).
 */
export function validateOptions<T>(opts: GetOrSetOptions<T>): void {
  const ttl = typeof opts.ttl === "number" ? opts.ttl : undefined;
  if ((ttl !== undefined && !validTtl(ttl)) || (opts.missingTtl !== undefined && !validTtl(opts.missingTtl))) {
    throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}]`);
  }
  if (opts.grace !== undefined && !(opts.grace >= 0 && opts.grace <= MAX_TTL_SECONDS)) {
    throw new RangeError(`grace must be in [0, ${MAX_TTL_SECONDS}]`);
  }
}

/** The TTL of a loaded value (seconds): `missingTtl` for a "not found" when given, else `ttl`. */
export function ttlOf<T>(opts: GetOrSetOptions<T>, value: T): number {
  const missing = value === null || value === undefined;
  const ttl = missing && opts.missingTtl !== undefined ? opts.missingTtl : opts.ttl;
  if (missing && typeof ttl === "function") throw new RangeError("a ttl function needs missingTtl for a not found");
  const seconds = typeof ttl === "function" ? ttl(value) : ttl;
  if (!validTtl(seconds)) throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}], not ${seconds}`);
  return seconds;
}
