import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isRoot, log, output, run, which } from "./shell";

/**
 * Finds the server binaries, and installs the Debian packages that are missing when apt-get is usable.
 * Otherwise it stops with a message that names exactly what to install or set.
 */

export type DebianPackage = "postgresql" | "redis-server" | "chromium" | "wrk" | "haproxy";

export function findPostgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(root, versions[0], "bin");
  }
  const initdb = which("initdb");
  return initdb ? path.dirname(initdb) : null;
}

export function findRedisServer(): string | null {
  return which("redis-server");
}

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate)) ?? null;
}

const isInstalled: Record<DebianPackage, () => boolean> = {
  postgresql: () => findPostgresBinDir() !== null,
  "redis-server": () => findRedisServer() !== null,
  chromium: () => findChromium() !== null,
  wrk: () => which("wrk") !== null,
  haproxy: () => which("haproxy") !== null,
};

const manualHint: Record<DebianPackage, string> = {
  postgresql: "PostgreSQL 15 or newer (Debian: apt-get install postgresql), or set DATABASE_URL to a running server",
  "redis-server": "Redis 7 (Debian: apt-get install redis-server), or set REDIS_URL to a running server",
  chromium: "Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary",
  wrk: "wrk, the HTTP load generator the benchmark uses (Debian: apt-get install wrk)",
  haproxy: "HAProxy, the load balancer of `npm run start:cluster` (Debian: apt-get install haproxy)",
};

function aptPrefix(): string[] | null {
  if (!which("apt-get")) return null;
  if (isRoot) return [];
  if (which("sudo") && output("sudo", ["-n", "true"]) !== null) return ["sudo", "-n"];
  return null;
}

/** Installs what is missing of `wanted`, or throws naming what the developer must install. */
export function ensurePackages(wanted: DebianPackage[]): void {
  const missing = wanted.filter((name) => !isInstalled[name]());
  if (missing.length === 0) return;
  const prefix = aptPrefix();
  if (prefix === null) {
    const lines = missing.map((name) => `  - ${manualHint[name]}`).join("\n");
    throw new Error(`Missing, and apt-get is not usable here (needs root or passwordless sudo):\n${lines}`);
  }
  log(`installing ${missing.join(", ")} with apt-get (once per machine)`);
  const sudoRun = (args: string[]) => {
    const [command, ...rest] = [...prefix, ...args];
    run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  // Keep the packages' own services from starting: Brisk starts its own, on its own ports.
  const policy = "/usr/sbin/policy-rc.d";
  const ownPolicy = isRoot && !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
  try {
    sudoRun(["apt-get", "update", "-qq"]);
    sudoRun(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...missing]);
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  const stillMissing = missing.filter((name) => !isInstalled[name]());
  if (stillMissing.length > 0) {
    throw new Error(`apt-get ran but these are still missing: ${stillMissing.map((n) => manualHint[n]).join("; ")}`);
  }
}
