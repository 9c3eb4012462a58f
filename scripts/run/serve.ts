import { spawn } from "node:child_process";
import { mailDelivery } from "../../lib/mail/delivery";
import { env, parseEnv, type Env } from "../../lib/env";
import { closeRedisClients } from "../../lib/redis/clients";
import { log } from "../services/shell";

/** On loopback the origin is http://localhost:<port>: one host name everywhere keeps cookies together. */
export function localOrigin(source: Env = parseEnv(process.env)): string {
  const loopback = ["127.0.0.1", "localhost", "::1"].includes(source.HOST);
  return `http://${loopback ? "localhost" : source.HOST}:${source.PORT}`;
}

/**
 * Local runs turn the dev mailbox on when neither EMAIL_SERVER nor AUTH_DEV_MAILBOX is set, so a newcomer
 * can sign in; lib/mail/delivery.ts still refuses it beyond loopback.
 */
function mailEnv(): Record<string, string> {
  if (process.env.EMAIL_SERVER || process.env.AUTH_DEV_MAILBOX) return {};
  return { AUTH_DEV_MAILBOX: "1" };
}

function mailBanner(origin: string, extra: Record<string, string>): string {
  const delivery = mailDelivery(parseEnv({ ...process.env, ...extra }));
  if (delivery.kind === "dev-mailbox") return `sign-in mail goes to the dev mailbox: ${origin}/dev/mailbox`;
  if (delivery.kind === "smtp") return "sign-in mail goes out through EMAIL_SERVER";
  return delivery.reason;
}

/** Runs `next start` or `next dev` in the foreground on HOST:PORT, forwarding signals, and says where. */
export async function serve(mode: "start" | "dev"): Promise<void> {
  await closeRedisClients();
  const origin = localOrigin(env);
  const mail = mailEnv();
  const child = spawn("npx", ["next", mode, "-H", env.HOST, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: env.AUTH_URL, ...mail },
  });
  log(`Brisk is starting at ${origin} (Ctrl+C stops it; npm run services:stop stops PostgreSQL and Redis)`);
  log(mailBanner(origin, mail));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
