import { describe, expect, it } from "vitest";
import { Progress } from "./progress";

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  let clock = 0;
  const progress = new Progress({ isTTY, write: (text: string) => writes.push(text) }, 5_000, () => clock);
  return { writes, progress, advance: (ms: number) => (clock += ms) };
}

describe("Progress", () => {
  it("off a terminal, writes a line every 5 s with the count and the time left", () => {
    const { writes, progress, advance } = recorder(false);
    progress.update("variants", 0, 40_000);
    advance(4_000);
    progress.update("variants", 8_000, 40_000);
    expect(writes).toEqual([]);
    advance(1_000);
    progress.update("variants", 10_000, 40_000);
    // 10,000 in 5 s: the 30,000 left take about 15 s.
    expect(writes).toEqual(["[brisk] variants 10,000/40,000 (25%), about 15 s left\n"]);
    advance(1_000);
    progress.update("variants", 12_000, 40_000);
    expect(writes).toHaveLength(1);
    // Done: no progress line, even when one is due; the phase's end says it.
    advance(9_000);
    progress.update("variants", 40_000, 40_000);
    expect(writes).toHaveLength(1);
    progress.end();
    expect(writes[1]).toBe("[brisk] variants: 40,000 in 15 s\n");
  });

  it("on a terminal, redraws one bar in place, and a new phase ends the last with its time", () => {
    const { writes, progress, advance } = recorder(true);
    progress.update("products", 0, 50_000);
    advance(60_000);
    progress.update("products", 25_000, 50_000);
    expect(writes).toEqual([
      "\r[brisk] products [############............] 25,000/50,000 (50%), about 1 min 0 s left\x1b[K",
    ]);
    advance(2_000);
    progress.update("variants", 0, 10);
    expect(writes[1]).toBe("\r[brisk] products: 25,000 in 1 min 2 s\x1b[K\n");
    progress.update("prices", 1, 1);
    expect(writes[2]).toBe("\r[brisk] variants: 0 in 0 s\x1b[K\n");
    advance(3_000);
    progress.end();
    expect(writes[3]).toBe("\r[brisk] prices: done in 3 s\x1b[K\n");
    progress.end();
    expect(writes).toHaveLength(4);
  });
});
