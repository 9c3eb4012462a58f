import { grouped } from "../report";
import { LIBRARIES, type LibraryName } from "./subjects";
import { standing, type Better, type Standing } from "./verdict";
import type { Scenario } from "./worker";

/** The rows of bench/cache-peers.md' table: what each shows, and how Brisk is judged against each peer on it. */

/** One run of a scenario in one library: the figures worker.ts measured. */
export type Result = Record<string, number | string | boolean | null>;

export const NAMES: Record<LibraryName, string> = {
  brisk: "Brisk lib/cache",
  bentocache: "bentocache",
  "cache-manager": "cache-manager",
  cachified: "cachified",
};

const opsCell = (r: Result) =>
  `${grouped(r.opsPerSecond as number)} ops/s (p99 ${grouped((r.p99Us as number) / 1000, 2)} ms)`;
const l1Cell = (r: Result) => `${grouped(r.opsPerSecond as number)} ops/s (p99 ${grouped(r.p99Us as number, 1)} µs)`;

interface Figure {
  field: string;
  better: Better;
  label: string;
}

interface Row {
  name: string;
  cell: (r: Result) => string;
  /** The figures compared run by run (verdict.ts). */
  figures: Figure[];
  /**
   * What decides before the figures (loads, failures, counts), from every run: a run that hung or failed is
   * not hidden by the others; null: the figures decide.
   */
  decided?: (brisk: Result[], peer: Result[]) => Standing | null;
}

const THROUGHPUT: Figure[] = [
  { field: "opsPerSecond", better: "higher", label: "ops/s" },
  { field: "p99Us", better: "lower", label: "p99" },
];

const compareCounts = (brisk: number, peer: number): Standing =>
  brisk < peer ? "ahead" : brisk > peer ? "behind" : "level";

/** The median (of an even count, the upper of the two middle values). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const worst = (runs: Result[], field: string) => Math.max(...runs.map((r) => r[field] as number));

export const ROWS: [Scenario, Row][] = [
  ["l1-hit", { name: "L1 hit (1 caller, one key)", cell: l1Cell, figures: THROUGHPUT }],
  ["redis-hit-1", { name: "Redis hit, 1 caller (5,000 keys in turn)", cell: opsCell, figures: THROUGHPUT }],
  ["redis-hit-64", { name: "Redis hit, 64 callers, distinct keys", cell: opsCell, figures: THROUGHPUT }],
  ["hot-key-64", { name: "Redis hit, 64 callers, one hot key", cell: opsCell, figures: THROUGHPUT }],
  [
    "redis-hit-1",
    {
      name: "Redis commands per hit (1 caller / 64 callers), counted by Redis",
      cell: (r) => `${grouped(r.commandsPerOp as number, 2)}`,
      figures: [],
      // At the precision shown, one command per hit at most counting as one: Brisk's figure includes the
      // TIME it sends once a second for its clock.
      decided: (b, p) => {
        const shown = (runs: Result[]) =>
          Math.max(1, Number(median(runs.map((r) => r.commandsPerOp as number)).toFixed(2)));
        return compareCounts(shown(b), shown(p));
      },
    },
  ],
  [
    "stampede",
    {
      name: "Stampede: 1,000 callers, a 50 ms loader (wall time, loads)",
      cell: (r) => `${grouped(r.wallMs as number, 1)} ms, ${r.loads} load${r.loads === 1 ? "" : "s"}`,
      figures: [{ field: "wallMs", better: "lower", label: "wall time" }],
      decided: (b, p) => {
        const oneLoad = (runs: Result[]) => runs.every((r) => r.loads === 1);
        return !oneLoad(b) ? "behind" : !oneLoad(p) ? "ahead" : null;
      },
    },
  ],
  [
    "redis-down",
    {
      name: "Redis down, warm key: first call / next 100 / loader runs (calls that failed)",
      cell: (r) =>
        `${grouped(r.firstMs as number, 2)} ms / ${grouped(r.next100Ms as number, 1)} ms / ${r.loads}` +
        `${(r.errors as number) > 0 ? ` (${r.errors} of 101 failed)` : ""}${r.hung ? " (hung)" : ""}`,
      figures: [
        { field: "firstMs", better: "lower", label: "first call" },
        { field: "next100Ms", better: "lower", label: "next 100" },
      ],
      // Calls that failed or hung in any run, then the most loads of a run, decide first; answering at all
      // is ahead of failing.
      decided: (b, p) => {
        const failed = (runs: Result[]) => runs.some((r) => r.hung === true || (r.errors as number) > 0);
        if (failed(b)) return "behind";
        if (failed(p)) return "ahead";
        const loads = compareCounts(worst(b, "loads"), worst(p, "loads"));
        return loads === "level" ? null : loads;
      },
    },
  ],
  [
    "bytes",
    {
      name: "Redis bytes per entry (MEMORY USAGE; stored bytes)",
      cell: (r) => `${grouped(r.memoryPerEntry as number)} B (${grouped(r.storedPerEntry as number)} B)`,
      figures: [{ field: "memoryPerEntry", better: "lower", label: "bytes" }],
    },
  ],
];

/** Each run's figures as "Every run" lists them. */
export const RUN_FIGURES: Record<Scenario, (r: Result) => string> = {
  "l1-hit": (r) => `${Math.round(r.opsPerSecond as number)} (p99 ${grouped(r.p99Us as number, 1)} µs)`,
  "redis-hit-1": (r) => `${Math.round(r.opsPerSecond as number)} (p99 ${grouped((r.p99Us as number) / 1000, 2)} ms)`,
  "redis-hit-64": (r) => `${Math.round(r.opsPerSecond as number)} (p99 ${grouped((r.p99Us as number) / 1000, 2)} ms)`,
  "hot-key-64": (r) => `${Math.round(r.opsPerSecond as number)} (p99 ${grouped((r.p99Us as number) / 1000, 2)} ms)`,
  stampede: (r) => `${grouped(r.wallMs as number, 1)} ms`,
  "redis-down": (r) => `${grouped(r.firstMs as number, 2)} / ${grouped(r.next100Ms as number, 2)} ms`,
  bytes: (r) => `${Math.round(r.memoryPerEntry as number)}`,
};

/** Brisk against every peer on a row: where it is behind, else where level, else ahead of all. */
export function rowVerdict(row: Row, runs: Record<LibraryName, Result[]>): string {
  const behind: string[] = [];
  const level: string[] = [];
  for (const peer of LIBRARIES.filter((l) => l !== "brisk")) {
    const decided = row.decided?.(runs.brisk, runs[peer]) ?? null;
    const standings: [string, Standing][] = decided
      ? [["", decided]]
      : row.figures.map((f) => {
          const of = (l: LibraryName) => runs[l].map((r) => r[f.field] as number);
          return [f.label, standing(of("brisk"), of(peer), f.better)];
        });
    const where = (s: Standing) =>
      standings
        .filter(([, t]) => t === s)
        .map(([label]) => label)
        .filter(Boolean);
    const named = (s: Standing) => `${NAMES[peer]}${where(s).length ? ` (${where(s).join(", ")})` : ""}`;
    if (standings.some(([, s]) => s === "behind")) behind.push(named("behind"));
    else if (standings.some(([, s]) => s === "level")) level.push(named("level"));
  }
  if (behind.length) return `**no**: behind ${behind.join(", ")}`;
  if (level.length) return `yes: level with ${level.join(", ")}`;
  return "yes: ahead";
}
