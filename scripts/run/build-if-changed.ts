import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { STANDALONE_DIR } from "../build/standalone";
import { log, run } from "../services/shell";

/**
 * Builds with `next build` only when the sources changed since the last build: a hash of every input
 * of the build, kept inside `.next` (so deleting `.next` forces a build). A second `npm start` skips it.
 */

const INPUT_DIRS = ["app", "lib", "public", "prisma", "scripts/build"];
// Every top-level source and config file (next.config.ts, proxy.ts, instrumentation.ts, package.json, …), but
// next-env.d.ts, which next build writes itself.
const TOP_LEVEL = /^(?!next-env\.d\.ts$)[^.][^/]*\.(ts|mjs|js|json)$/;
const SKIP = /(^|\/)(generated|node_modules)(\/|$)|\.(cluster-)?test\.tsx?$/;
const stampFile = path.join(".next", "brisk-source-hash");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !SKIP.test(file));
}

/** The files whose content decides whether the build is current. */
export function buildInputs(): string[] {
  const topLevel = readdirSync(".", { withFileTypes: true })
    .filter((entry) => entry.isFile() && TOP_LEVEL.test(entry.name) && !SKIP.test(entry.name))
    .map((entry) => entry.name);
  return [...INPUT_DIRS.flatMap(filesUnder), ...topLevel].sort();
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of buildInputs()) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIfChanged(): void {
  const current = sourceHash();
  const complete = [stampFile, path.join(".next", "BUILD_ID"), path.join(STANDALONE_DIR, "server.js")].every(
    existsSync,
  );
  const built = complete ? readFileSync(stampFile, "utf8") : "";
  if (built === current) {
    log("the build is up to date");
    return;
  }
  log("sources changed since the last build: running npm run build");
  run("npm", ["run", "build", "--silent"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stampFile, current);
}
