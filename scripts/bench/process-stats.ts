import { readFileSync } from "node:fs";

/** A process's resident memory (MB), from /proc. */
export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

const TICK_MS = 10; // USER_HZ: /proc reports CPU time in 1/100 s

/** A process's CPU time (user + system, ms), from /proc. */
export function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime, stime.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * An instance's /api/metrics (asked straight, on loopback), read once: the value of a sample by its whole
 * name as written, labels included (`brisk_nodejs_gc_duration_seconds_count{kind="major"}`); undefined when
 * it has none.
 */
export async function instanceMetrics(origin: string): Promise<(sample: string) => number | undefined> {
  const text = await (await fetch(`${origin}/api/metrics`)).text();
  return (sample) => {
    const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const match = new RegExp(`^${escaped} ([\\d.e+-]+)$`, "m").exec(text);
    return match ? Number(match[1]) : undefined;
  };
}
