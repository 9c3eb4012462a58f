import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Completes Next's `standalone` output (next.config.ts) after `next build`: .next/standalone holds the server
 * and the traced node_modules it needs, but not the browser's files; this copies `.next/static` and `public`
 * beside it, so `.next/standalone` alone serves the store (scripts/run/standalone-server.ts starts it; the
 * Dockerfile copies it). Run by `npm run build`.
 */
export const STANDALONE_DIR = path.join(".next", "standalone");

export function completeStandalone(root = process.cwd()): void {
  const target = path.join(root, STANDALONE_DIR);
  if (!existsSync(path.join(target, "server.js")))
    throw new Error(`no ${STANDALONE_DIR}/server.js: did next build run?`);
  for (const [from, to] of [
    [path.join(root, ".next", "static"), path.join(target, ".next", "static")],
    [path.join(root, "public"), path.join(target, "public")],
  ]) {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
}

if (require.main === module) completeStandalone();
