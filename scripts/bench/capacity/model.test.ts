import { describe, expect, it } from "vitest";
import { MIX, perPageView, plan, TARGET_UTILIZATION, type Action } from "./model";
import type { Cost } from "./meter";

const cost = (cpuMs: number, redisCommands: number, postgresQueries: number): Cost => ({
  cpuMs,
  redisCommands,
  redisBytes: redisCommands * 100,
  postgresQueries,
});

describe("the capacity model", () => {
  it("weighs each action by its share of page views", () => {
    const costs = Object.fromEntries(Object.keys(MIX).map((action) => [action, cost(0, 0, 0)])) as Record<Action, Cost>;
    costs["checkout"] = cost(200, 20, 10);
    costs["product page, from memory"] = cost(2, 1, 0);
    const view = perPageView(costs);
    expect(view.cpuMs).toBeCloseTo(MIX["checkout"] * 200 + MIX["product page, from memory"] * 2);
    expect(view.postgresQueries).toBeCloseTo(MIX["checkout"] * 10);
  });

  it("plans cores at the target utilization, a shard per Redis core, rounded up", () => {
    const capacity = { redisOpsPerCore: 100_000, postgresQueriesPerCore: 10_000 };
    const result = plan(10_000, cost(3, 4, 0.5), capacity);
    // 10,000 views × 3 ms = 30 busy cores; at the target utilization, more.
    expect(result.appCores).toBe(Math.ceil(30 / TARGET_UTILIZATION));
    expect(result.redisCommandsPerSecond).toBe(40_000);
    expect(result.redisShards).toBe(Math.ceil(0.4 / TARGET_UTILIZATION));
    expect(result.postgresCores).toBe(1);
    expect(result.redisMegabytesPerSecond).toBeCloseTo(4);
    expect(result.ordersPerSecond).toBeCloseTo(10_000 * MIX.checkout);
    expect(plan(100_000, cost(3, 4, 0.5), capacity).postgresCores).toBe(Math.ceil(5 / TARGET_UTILIZATION));
  });
});
