import { spawn } from "node:child_process";
import { env } from "../../lib/env";
import { closeRedisClients } from "../../lib/redis/clients";
import { log } from "../services/shell";

/** Runs `next start` or `next dev` in the foreground on HOST:PORT, forwarding signals, and says where. */
export async function serve(mode: "start" | "dev"): Promise<void> {
  await closeRedisClients();
  // On loopback the origin is http://localhost:<port>: one host name everywhere keeps cookies together.
  const loopback = ["127.0.0.1", "localhost", "::1"].includes(env.HOST);
  const origin = `http://${loopback ? "localhost" : env.HOST}:${env.PORT}`;
  const child = spawn("npx", ["next", mode, "-H", env.HOST, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: env.AUTH_URL },
  });
  log(`Brisk is starting at ${origin} (Ctrl+C stops it; npm run services:stop stops PostgreSQL and Redis)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
