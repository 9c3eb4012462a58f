import { spawn } from "node:child_process";
import { mailDelivery } from "../../lib/mail/delivery";
import { env, parseEnv, type Env } from "../../lib/env";
import { closeRedisClients } from "../../lib/redis/clients";
import { log } from "../services/shell";
import { standaloneServer } from "./standalone-server";

/** On loopback the origin is http://localhost:<port>: one host name everywhere keeps cookies together. */
export function localOrigin(source: Env = parseEnv(process.env)): string {
  const loopback = ["127.0.0.1", "localhost", "::1"].includes(source.HOST);
  return `http://${loopback ? "localhost" : source.HOST}:${source.PORT}`;
}

/**
 * Local runs turn the dev mailbox on when neither EMAIL_SERVER nor AUTH_DEV_MAILBOX is set, so a newcomer
 * can sign in; lib/mail/delivery.ts still refuses it beyond loopback.
 */
export function mailEnv(): Record<string, string> {
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
 * The environment `npm start` / `npm run dev` pass to Next: the shell's, less TEST_SUPPORT_TOKEN unless the
 * command asks for the test-support API by name (`npm start -- --test-support`: a staging server that a QA
 * suite drives through BASE_URL). A token that merely sits in the shell never turns it on.
 */
export function serverEnv<Source extends Record<string, string | undefined>>(
  source: Source,
  testSupport = false,
): Source {
  if (testSupport) return source;
  // Empty rather than absent: an empty variable is unset (lib/env.ts), and Next's .env loading keeps it.
  return { ...source, TEST_SUPPORT_TOKEN: "" };
}

/**
 * Runs the production build (its standalone server) or `next dev` in the foreground on HOST:PORT, forwarding
 * signals, and says where.
 */
export async function serve(mode: "start" | "dev"): Promise<void> {
  await closeRedisClients();
  const origin = localOrigin(env);
  const mail = mailEnv();
  const testSupport = process.argv.includes("--test-support");
  if (testSupport && !env.TEST_SUPPORT_TOKEN) throw new Error("--test-support needs TEST_SUPPORT_TOKEN set");
  if (testSupport) log("the test-support API is on (--test-support): for a staging server, never a public one");
  else if (process.env.TEST_SUPPORT_TOKEN) log("TEST_SUPPORT_TOKEN is ignored without --test-support");
  const childEnv = {
    ...serverEnv(process.env, testSupport),
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_URL: env.AUTH_URL,
    ...mail,
  };
  const server =
    mode === "start"
      ? standaloneServer(env.HOST, env.PORT, childEnv)
      : { command: "npx", args: ["next", "dev", "-H", env.HOST, "-p", String(env.PORT)], env: childEnv };
  const child = spawn(server.command, server.args, { stdio: "inherit", env: server.env });
  log(`Brisk is starting at ${origin} (Ctrl+C stops it; npm run services:stop stops PostgreSQL and Redis)`);
  log(mailBanner(origin, mail));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
