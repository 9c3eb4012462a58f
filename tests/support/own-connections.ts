import { readdir, readFile, readlink } from "node:fs/promises";

/**
 * How many TCP connections the process `pid` holds open to `port` as a client (Linux: read from /proc).
 * A server with a count above 0 for its own port is sending requests to itself.
 */
export async function connectionsTo(pid: number, port: number): Promise<number> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
    const socket = /^socket:\[(\d+)\]$/.exec(target);
    if (socket) inodes.add(socket[1]);
  }
  let count = 0;
  for (const table of ["tcp", "tcp6"]) {
    const text = await readFile(`/proc/${pid}/net/${table}`, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const remotePort = Number.parseInt(fields[2].split(":")[1], 16);
      if (remotePort === port && inodes.has(fields[9])) count += 1;
    }
  }
  return count;
}
