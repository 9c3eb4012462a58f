import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { isRoot, output } from "./shell";

/** Where the project-local services keep their data: `.data/` in the project (git-ignored). */

export const projectRoot = process.cwd();
export const dataDir = path.join(projectRoot, ".data");

export function ensureDir(dir: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true, mode });
  return dir;
}

/**
 * PostgreSQL's data folder. As root the server runs as the `postgres` user, which cannot enter a 0700
 * home (a clone under /root, say); then the folder lives under /var/lib/brisk, named by the project path
 * so two clones never share one.
 */
export function postgresDataDir(): string {
  const inProject = path.join(dataDir, "postgres");
  if (!isRoot) return inProject;
  ensureDir(dataDir);
  const reachable = output("runuser", ["-u", "postgres", "--", "test", "-x", dataDir]) !== null;
  if (reachable) return inProject;
  const id = createHash("sha1").update(projectRoot).digest("hex").slice(0, 12);
  return path.join("/var/lib/brisk", id, "postgres");
}

export const redisDataDir = path.join(dataDir, "redis");
