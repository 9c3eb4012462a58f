import type { GetOrSetOptions } from "./types";

/** Tag stamps are kept for three days: no entry may outlive them (TTL and grace of at most a day each). */
const MAX_TTL_SECONDS = 24 * 60 * 60;

/** Throws a RangeError for a TTL, missing TTL or grace out of bounds. */
export function validateOptions<T>(opts: GetOrSetOptions<T>): void {
  for (const ttl of [opts.ttl, opts.missingTtl ?? opts.ttl]) {
    if (!(ttl > 0 && ttl <= MAX_TTL_SECONDS)) throw new RangeError(`ttl must be in (0, ${MAX_TTL_SECONDS}]`);
  }
  if (opts.grace !== undefined && !(opts.grace >= 0 && opts.grace <= MAX_TTL_SECONDS)) {
    throw new RangeError(`grace must be in [0, ${MAX_TTL_SECONDS}]`);
  }
}
