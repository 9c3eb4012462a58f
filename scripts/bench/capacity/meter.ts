import type Redis from "ioredis";
import { commandTotal } from "@/tests/support/redis-commands";
import type { PostgresStats } from "../postgres-stats";
import { cpuMs } from "../process-stats";

/** What one shopper action costs, summed over its repetitions. */
export interface Cost {
  /** The app process' CPU time (user + system), ms. */
  cpuMs: number;
  /** Commands run by the Redis servers (every role), counted by Redis. */
  redisCommands: number;
  /** Bytes into and out of the Redis servers. */
  redisBytes: number;
  /** Statements PostgreSQL ran (pg_stat_statements). */
  postgresQueries: number;
}

const ZERO: Cost = { cpuMs: 0, redisCommands: 0, redisBytes: 0, postgresQueries: 0 };
async function redisBytes(server: Redis): Promise<number> {
  const stats = await server.info("stats");
  const read = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, "m").exec(stats)![1]);
  return read("total_net_input_bytes") + read("total_net_output_bytes");
}

/**
 * Reads the counters of Cost for one app process, its Redis servers and its database, and adds up what
 * happened between `resume()` and `pause()`, less what reading the counters costs by itself (measured by
 * `calibrate()`: the INFO replies and the statistics query are bytes and statements too).
 */
export class Meter {
  private total: Cost = { ...ZERO };
  private last: Cost | null = null;
  private readings = 0;
  private overhead: Cost = { ...ZERO };

  constructor(
    private readonly pid: number,
    private readonly redis: Redis[],
    private readonly postgres: PostgresStats,
  ) {}

  private async read(): Promise<Cost> {
    const [commands, bytes, queries] = await Promise.all([
      Promise.all(this.redis.map(commandTotal)),
      Promise.all(this.redis.map(redisBytes)),
      this.postgres.queries(),
    ]);
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    return { cpuMs: cpuMs(this.pid), redisCommands: sum(commands), redisBytes: sum(bytes), postgresQueries: queries };
  }

  /** What a resume and a pause cost with nothing between them: the median of 9. */
  async calibrate(): Promise<void> {
    const samples: Cost[] = [];
    for (let i = 0; i < 9; i++) {
      const before = await this.read();
      const after = await this.read();
      samples.push(difference(after, before));
    }
    const median = (pick: (cost: Cost) => number) => samples.map(pick).sort((a, b) => a - b)[4];
    this.overhead = {
      ...ZERO,
      redisBytes: median((c) => c.redisBytes),
      postgresQueries: median((c) => c.postgresQueries),
    };
  }

  async resume(): Promise<void> {
    this.last = await this.read();
  }

  async pause(): Promise<void> {
    const now = await this.read();
    this.total = add(this.total, difference(now, this.last!));
    this.readings += 1;
    this.last = null;
  }

  /** The cost counted so far, divided by `repetitions`; then counting starts again from zero. */
  take(repetitions: number): Cost {
    const net = difference(this.total, scale(this.overhead, this.readings));
    this.total = { ...ZERO };
    this.readings = 0;
    return scale(
      { ...net, redisBytes: Math.max(0, net.redisBytes), postgresQueries: Math.max(0, net.postgresQueries) },
      1 / repetitions,
    );
  }
}

const combine = (a: Cost, b: Cost, f: (x: number, y: number) => number): Cost => ({
  cpuMs: f(a.cpuMs, b.cpuMs),
  redisCommands: f(a.redisCommands, b.redisCommands),
  redisBytes: f(a.redisBytes, b.redisBytes),
  postgresQueries: f(a.postgresQueries, b.postgresQueries),
});
const add = (a: Cost, b: Cost) => combine(a, b, (x, y) => x + y);
const difference = (a: Cost, b: Cost) => combine(a, b, (x, y) => x - y);
const scale = (a: Cost, k: number) => combine(a, a, (x) => x * k);
