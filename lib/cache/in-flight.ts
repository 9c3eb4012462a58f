import type { Loaded } from "./load-and-store";
import type { HitRead } from "./redis-store";
import type { CacheMetrics, CacheStatus, Cached, RequestResult } from "./types";

/**
 * A Redis read, with the invalidation generation it began in, and for a miss the load it started; null
 * when Redis was unusable.
 */
export type Read<T> = (HitRead<T> & { generationAtRead: number; load?: Promise<Loaded<T>> }) | null;

/** A key's Redis read in flight in this process, and the answer shared by the callers who joined it. */
export interface InFlight<T> {
  read: Promise<Read<T>>;
  joiners: { count: number; answer: Promise<Cached<T>> } | null;
}

const SETTLED: Promise<Read<never>> = Promise.resolve(null);

/**
 * Drops what a flight refers to once its read has settled (it is out of the map of flights by then). The
 * map lives in V8's old generation, and what is referred to from there survives young-generation
 * collections until a full collection finds the referrer unreachable (the map's own storage, or a flight
 * that was moved there while its read was on its way). A flight that still held its read's promise kept
 * the decoded entry alive that way: with 64 callers on distinct keys, a tenth of what the hit path
 * allocated was promoted instead of a hundredth, collections took three times as long, and the p99
 * doubled (`npm run bench:cache`, its 64-caller row, before and after).
 */
export function forget<T>(flight: InFlight<T>): void {
  flight.read = SETTLED;
  flight.joiners = null;
}

/**
 * A caller that finds its key's read in flight gets the answer it shares with every other such caller:
 * one promise for a stampede's thousand callers, so that each costs one turn of the microtask queue when
 * it settles, not one per step of the read and the load. `answer` makes it from the read, once; every
 * caller is counted when it settles.
 */
export function joinRead<T>(
  running: InFlight<T>,
  answer: (entry: Read<T>) => Promise<Cached<T>> | Cached<T>,
  metrics: CacheMetrics,
): Promise<Cached<T>> {
  if (!running.joiners) {
    const joiners = { count: 0, answer: running.read.then(answer) };
    const count = (result: RequestResult) => {
      for (let i = 0; i < joiners.count; i++) metrics.request(result);
    };
    joiners.answer.then(
      (result) => count(result.status.toLowerCase() as Lowercase<CacheStatus>),
      () => count("error"),
    );
    running.joiners = joiners;
  }
  running.joiners.count++;
  return running.joiners.answer;
}
