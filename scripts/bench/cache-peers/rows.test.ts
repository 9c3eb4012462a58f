import { describe, expect, it } from "vitest";
import { ROWS, rowVerdict, type Result } from "./rows";
import type { LibraryName } from "./subjects";
import type { Scenario } from "./worker";

const rowOf = (scenario: Scenario) => ROWS.find(([s]) => s === scenario)![1];
const five = (run: Result): Result[] => Array.from({ length: 5 }, () => ({ ...run }));

describe("a row's verdict", () => {
  const down = (over: Result = {}): Result => ({
    firstMs: 0.1,
    next100Ms: 0.4,
    loads: 0,
    errors: 0,
    hung: false,
    ...over,
  });
  const peers = (run: Result) => ({ bentocache: five(run), "cache-manager": five(run), cachified: five(run) });

  it("counts a run that hung, even when most runs did not", () => {
    const brisk = five(down());
    brisk[2] = down({ hung: true, firstMs: 15_000, next100Ms: 0 });
    const runs: Record<LibraryName, Result[]> = { brisk, ...peers(down({ firstMs: 0.3, next100Ms: 1.4 })) };
    expect(rowVerdict(rowOf("redis-down"), runs)).toMatch(/^\*\*no\*\*: behind/);
  });

  it("is ahead of peers whose calls failed in any run, and judges the figures otherwise", () => {
    const failing = five(down());
    failing[4] = down({ errors: 101 });
    const runs = { brisk: five(down()), bentocache: failing, "cache-manager": failing, cachified: failing };
    expect(rowVerdict(rowOf("redis-down"), runs)).toBe("yes: ahead");
    expect(rowVerdict(rowOf("redis-down"), { brisk: five(down()), ...peers(down()) })).toBe(
      "yes: level with bentocache (first call, next 100), cache-manager (first call, next 100), cachified (first call, next 100)",
    );
  });

  it("is behind in a stampede with a run of more than one load", () => {
    const brisk = five({ wallMs: 52, loads: 1 });
    brisk[1] = { wallMs: 52, loads: 2 };
    const peer = five({ wallMs: 60, loads: 1 });
    const runs = { brisk, bentocache: peer, "cache-manager": peer, cachified: peer };
    expect(rowVerdict(rowOf("stampede"), runs)).toMatch(/^\*\*no\*\*/);
    expect(rowVerdict(rowOf("stampede"), { ...runs, brisk: five({ wallMs: 52, loads: 1 }) })).toBe("yes: ahead");
  });
});
