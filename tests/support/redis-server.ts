import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { redisAnswers } from "@/scripts/services/probe";
import { redisServerArgs } from "@/scripts/services/redis";
import { freePort } from "./ports";

/**
 * A throwaway `redis-server` for tests that kill, pause or restart Redis: started with the same
 * configuration as the project's own (AOF on, noeviction) on a free port, in a temporary folder, or as a
 * Redis of the cache's own is configured (`role` "cache": nothing on disk). Nothing a developer or another
 * test uses is ever stopped.
 */

export class ThrowawayRedis {
  private process: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(os.tmpdir(), "brisk-redis-"));

  private constructor(
    readonly port: number,
    private readonly role: "state" | "cache",
  ) {}

  static async start(role: "state" | "cache" = "state"): Promise<ThrowawayRedis> {
    const server = new ThrowawayRedis(await freePort(), role);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again, on the same port and data folder) and waits until it answers. */
  async restart(): Promise<void> {
    this.process = spawn("redis-server", redisServerArgs(this.port, this.dir, this.role), { stdio: "ignore" });
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await redisAnswers(this.url, 500)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server on port ${this.port} did not start`);
  }

  /** Kills the server without warning (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  /** Freezes the server (SIGSTOP): connections stay open, commands get no answer. */
  pause(): void {
    this.process?.kill("SIGSTOP");
  }

  resume(): void {
    this.process?.kill("SIGCONT");
  }

  async destroy(): Promise<void> {
    this.resume();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
