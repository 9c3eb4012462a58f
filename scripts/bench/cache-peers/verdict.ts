/**
 * Whether Brisk is ahead of a peer on a figure, told from every run rather than from the medians alone: two
 * medians 2% apart say nothing when each library's runs spread over 20%. The runs of each library are
 * sorted and the best and the worst dropped (with five or more runs); what is left is its spread. Brisk is
 * ahead when even its worst run left is better than the peer's best, behind when even its best is worse than
 * the peer's worst, and level when the two spreads overlap.
 */

export type Standing = "ahead" | "level" | "behind";

/** Which way a figure is better. */
export type Better = "higher" | "lower";

/** The runs kept for the spread: all of them under five, else all but the best and the worst. */
export function spread(runs: number[]): { low: number; high: number } {
  const sorted = [...runs].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return { low: kept[0], high: kept[kept.length - 1] };
}

export function standing(brisk: number[], peer: number[], better: Better): Standing {
  const b = spread(brisk);
  const p = spread(peer);
  const [bWorst, bBest, pWorst, pBest] =
    better === "higher" ? [b.low, b.high, p.low, p.high] : [b.high, b.low, p.high, p.low];
  const beats = (x: number, y: number) => (better === "higher" ? x > y : x < y);
  if (beats(bWorst, pBest)) return "ahead";
  if (beats(pWorst, bBest)) return "behind";
  return "level";
}
