import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";

/** Small helpers for the provisioning scripts: run a program, find one, know who we are. */

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
}

/** Runs a program and returns its stdout, or null when it fails. */
export function output(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function which(program: string): string | null {
  return output("sh", ["-c", `command -v ${program}`]) || null;
}

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export function log(message: string): void {
  console.log(`[brisk] ${message}`);
}
