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
  if (delivery.kind === "test-support") return "sign-in mail is kept for the test-support API only";
  return delivery.reason;
}

/**
 * The environment `npm start` / `npm run dev` pass to Next: the shell's, less TEST_SUPPORT_TOKEN. The
 * test-support API is for test servers that a suite starts itself (playwright.config.ts, `npm test`) or a
 * staging `next start` set up on purpose; `npm start` never turns it on, whatever the shell holds.
 */
export function serverEnv<Source extends Record<string, string | undefined>>(source: Source): Source {
  // Empty rather than absent: an empty variable is unset (lib/env.ts), and Next's .env loading keeps it.
  return { ...source, TEST_SUPPORT_TOKEN: "" };
}

/** Runs `next start` or `next dev` in the foreground on HOST:PORT, forwarding signals, and says where. */
export async function serve(mode: "start" | "dev"): Promise<void> {
  await closeRedisClients();
  const origin = localOrigin(env);
  const mail = mailEnv();
  if (process.env.TEST_SUPPORT_TOKEN)
    log("TEST_SUPPORT_TOKEN is ignored: npm start never turns on the test-support API");
  const child = spawn("npx", ["next", mode, "-H", env.HOST, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: { ...serverEnv(process.env), NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: env.AUTH_URL, ...mail },
  });
  log(`Brisk is starting at ${origin} (Ctrl+C stops it; npm run services:stop stops PostgreSQL and Redis)`);
  log(mailBanner(origin, mail));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
