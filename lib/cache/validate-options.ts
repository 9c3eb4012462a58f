import type { GetOrSetOptions } from "./types";

/** Tag stamps are kept for three days: no entry may outlive them (TTL and grace of at most a day each). */
const MAX_TTL_SECONDS = 24 * 60 * 60;

const validTtl = (ttl: number) => ttl > 0 && ttl <= MAX_TTL_SECONDS;

/** Throws a RangeError for a TTL, missing TTL or grace out of bounds. (Every call runs it: nothing allocated.) */
export function validateOptions<T>(opts: GetOrSetOptions<T>): void {
  if (!validTtl(opts.ttl) || !validTtl(opts.missingTtl ?? opts.ttl)) {
    throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}]`);
  }
  if (opts.grace !== undefined && !(opts.grace >= 0 && opts.grace <= MAX_TTL_SECONDS)) {
    throw new RangeError(`grace must be in [0, ${MAX_TTL_SECONDS}]`);
  }
}
