import { spawn, type ChildProcess } from "node:child_process";
import { standaloneServer } from "@/scripts/run/standalone-server";
import { operatorHeaders } from "./operator";
import { waitFor } from "./wait";

/** AppServer.start's error when the process ended before it answered (EADDRINUSE: its port was taken). */
export class ServerExitedError extends Error {}

/** The built app's standalone server on its own port, with its own environment, for tests and the benchmark. */
export class AppServer {
  /** What the server printed (stdout and stderr), when started with `captureOutput`. */
  output = "";
  /** The exit code, once the process has exited (null: ended by a signal). */
  readonly exited: Promise<number | null>;

  private constructor(
    readonly origin: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (this.output += chunk));
  }

  /**
   * Starts the server and waits until /api/health answers as `ready` says (by default 200; a server started
   * without its database on purpose is ready when health says 503).
   */
  static async start(
    name: string,
    port: number,
    env: Record<string, string>,
    ready: (health: Response) => boolean = (health) => health.ok,
    options: { captureOutput?: boolean; nodeOptions?: string } = {},
  ): Promise<AppServer> {
    // node runs the server directly (no npx in between), so stopping the child stops the server.
    const command = standaloneServer("127.0.0.1", port, { ...process.env, ...env }, options.nodeOptions);
    const child = spawn(command.command, command.args, {
      env: command.env,
      stdio: options.captureOutput ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "inherit"],
    });
    const server = new AppServer(`http://127.0.0.1:${port}`, child);
    await waitFor(
      async () => {
        // A server that died (its port taken, a bad setting) fails the start now, not at the deadline.
        if (child.exitCode !== null || child.signalCode !== null)
          throw new ServerExitedError(`${name} exited (${child.exitCode ?? child.signalCode}) before answering`);
        // Bounded, so a server that accepts but never answers cannot hold the wait past its deadline.
        const health = await fetch(`${server.origin}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(
          () => null,
        );
        return health !== null && ready(health);
      },
      60_000,
      `${name} to answer`,
    );
    return server;
  }

  /** The server's process id (to read its memory from /proc). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Sends the signal and returns at once (see `exited`). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGKILL: the process dies at once, mid-work (a crash). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGKILL");
    await exited;
  }

  /**
   * SIGTERM, then SIGKILL if the server has not exited after `graceMs`: the standalone server waits for its open
   * connections to close, and a browser may keep one open as long as its page lives.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The counters of brisk_cache_requests_total and brisk_cache_loads_total from an instance's /api/metrics,
 * read from loopback (with METRICS_TOKEN's bearer when it is set, as the instance then requires it).
 */
export async function cacheCounters(
  origin: string,
  token = process.env.METRICS_TOKEN,
): Promise<Record<string, number>> {
  const { authorization } = operatorHeaders(token);
  const response = await fetch(`${origin}/api/metrics`, { headers: authorization ? { authorization } : {} });
  if (!response.ok) throw new Error(`${origin}/api/metrics answered ${response.status}`);
  const text = await response.text();
  const counters: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const match =
      /^(brisk_cache_requests_total\{result="(\w+)"\}|brisk_cache_loads_total\{outcome="(\w+)"\}) (\d+(?:\.\d+)?)$/.exec(
        line,
      );
    if (match) counters[match[2] ?? `load_${match[3]}`] = Number(match[4]);
  }
  return counters;
}
