import path from "node:path";
import { DEFAULT_MEDIA_DIR } from "../../lib/env";
import { STANDALONE_DIR } from "../build/standalone";

/**
 * V8's heap for a store instance (the Dockerfile's runtime stage sets the same NODE_OPTIONS): a young
 * generation of 64 MB per semi-space, so that what a render allocates dies young instead of being promoted to
 * the old generation (16 MB by default here: four times the scavenges, and objects a render still holds
 * promoted). Measured by `npm run bench:heap` (bench/heap.md, docs/deployment.md "Memory"): 1.04x to 1.05x
 * V8's defaults' requests per second, a tenth less CPU per request, RSS swinging 64 MB against 112.
 * The old generation is not capped: a cap of 320 MB held RSS flat under 1,000 products but, with the L1 full
 * of 5,000 products' pages, left the collector running back to back (product pages from the route cache fell
 * from 739 to 253 requests/s). A NODE_OPTIONS of the environment comes after this, so its settings win.
 */
export const INSTANCE_NODE_OPTIONS = "--max-semi-space-size=64";

/**
 * glibc's malloc arenas for a store instance (the Dockerfile sets the same): by default up to eight per core,
 * one per thread that allocates (libuv's pool compressing answers, V8's helpers), each keeping its freed
 * memory. Two bound what RSS holds outside the heap. The environment's own value wins.
 */
export const INSTANCE_MALLOC_ARENA_MAX = "2";

/**
 * How to run the production build: Next's standalone server (`node .next/standalone/server.js`), the same
 * one the Dockerfile ships, bound to `host`:`port`. It runs from its own folder, so a relative MEDIA_DIR is
 * made absolute here, against the folder it was given in.
 */
export function standaloneServer(
  host: string,
  port: number,
  env: Record<string, string | undefined>,
  /** V8's settings for the instance (`npm run bench:heap` compares them with V8's defaults, ""). */
  nodeOptions = INSTANCE_NODE_OPTIONS,
): { command: string; args: string[]; env: Record<string, string> & { NODE_ENV: "production" } } {
  const defined = Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    command: process.execPath,
    args: [path.resolve(STANDALONE_DIR, "server.js")],
    env: {
      ...Object.fromEntries(defined),
      NODE_OPTIONS: [nodeOptions, env.NODE_OPTIONS].filter(Boolean).join(" "),
      MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? INSTANCE_MALLOC_ARENA_MAX,
      HOSTNAME: host,
      PORT: String(port),
      MEDIA_DIR: path.resolve(env.MEDIA_DIR || DEFAULT_MEDIA_DIR),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production", // as server.js sets it
    },
  };
}
