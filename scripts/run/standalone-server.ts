import path from "node:path";
import { DEFAULT_MEDIA_DIR } from "../../lib/env";
import { STANDALONE_DIR } from "../build/standalone";

/**
 * How to run the production build: Next's standalone server (`node .next/standalone/server.js`), the same
 * one the Dockerfile ships, bound to `host`:`port`. It runs from its own folder, so a relative MEDIA_DIR is
 * made absolute here, against the folder it was given in.
 */
export function standaloneServer(
  host: string,
  port: number,
  env: Record<string, string | undefined>,
): { command: string; args: string[]; env: Record<string, string> & { NODE_ENV: "production" } } {
  const defined = Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    command: process.execPath,
    args: [path.resolve(STANDALONE_DIR, "server.js")],
    env: {
      ...Object.fromEntries(defined),
      HOSTNAME: host,
      PORT: String(port),
      MEDIA_DIR: path.resolve(env.MEDIA_DIR || DEFAULT_MEDIA_DIR),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production", // as server.js sets it
    },
  };
}
