import { describe, expect, it } from "vitest";
import { spread, standing } from "./verdict";

describe("standing", () => {
  it("is ahead only when Brisk's worst kept run beats the peer's best", () => {
    expect(standing([130, 134, 135, 136, 140], [110, 112, 116, 117, 120], "higher")).toBe("ahead");
    expect(standing([1.1, 1.2, 1.2, 1.3, 1.9], [1.4, 1.5, 1.5, 1.6, 1.7], "lower")).toBe("ahead");
  });

  it("is level when the kept runs overlap, whichever median is better", () => {
    const brisk = [11_956, 12_544, 13_100, 14_347, 15_000];
    const peer = [12_507, 13_900, 14_503, 14_565, 15_200];
    expect(standing(brisk, peer, "higher")).toBe("level");
    expect(standing(peer, brisk, "higher")).toBe("level");
  });

  it("is behind when Brisk's best kept run is beaten by the peer's worst", () => {
    expect(standing([0.2, 0.3, 0.3, 0.31, 0.32], [0.05, 0.1, 0.11, 0.12, 0.4], "lower")).toBe("behind");
    expect(standing([90, 95, 96, 97, 130], [100, 101, 102, 103, 104], "higher")).toBe("behind");
  });

  it("calls equal figures level, not ahead", () => {
    expect(standing([1352, 1352, 1352], [1352, 1352, 1352], "lower")).toBe("level");
  });
});

describe("spread", () => {
  it("drops the best and the worst run from five or more, keeps all of fewer", () => {
    expect(spread([5, 1, 9, 3, 7])).toEqual({ low: 3, high: 7 });
    expect(spread([5, 1, 9])).toEqual({ low: 1, high: 9 });
  });
});
