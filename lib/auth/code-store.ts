import { randomUUID } from "node:crypto";
import { withStateRedis } from "../redis/state";
import { CODE_CREATE_LUA, CODE_USE_LUA, WRONG_TRIES_LUA } from "../redis/scripts/sign-in-code";
import { emailSchema } from "./email";
import { authKeys } from "./keys";
import { browserHash, currentBrowserNonce } from "./sign-in-browser";
import { runScript } from "../redis/scripts/run";

/**
 * Sign-in codes (Auth.js verification tokens) in Redis, expiring with the code (PXAT). Auth.js hands the
 * adapter a hash of the code, never the code. Each code belongs to the browser that asked for it (its nonce,
 * lib/auth/sign-in-browser.ts) and is used once, only from that browser; MAX_WRONG_TRIES wrong tries from a
 * browser kill its code. Every wrong try joins the e-mail's 24-hour log, the guessing budget that locks out
 * new codes (lib/auth/guess-budget.ts). Throws StateUnavailableError when Redis fails.
 */

export const MAX_WRONG_TRIES = 3;
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const WRONG_TRIES_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The e-mail's log keeps its newest wrong tries, as many as the guessing budget looks at. */
export const WRONG_TRIES_KEPT = 9;

export interface CodeRecord {
  identifier: string;
  token: string;
  expires: Date;
}

/** The browser Auth.js is working for, as the records keep it; "" when there is none. */
function currentBrowser(): string {
  const nonce = currentBrowserNonce();
  return nonce ? browserHash(nonce) : "";
}

export async function createCode(record: CodeRecord): Promise<CodeRecord> {
  const browser = currentBrowser();
  // Every way to ask for a code runs Auth.js with the asking browser's nonce: a code nobody can use is a bug.
  if (!browser) throw new Error("a sign-in code was asked for outside withSignInBrowser");
  const { identifier, token, expires } = record;
  const stored = JSON.stringify({ identifier, token, expires: expires.getTime(), browser });
  await withStateRedis((redis) =>
    runScript(
      redis,
      CODE_CREATE_LUA,
      [authKeys.verificationToken(identifier, token), authKeys.verificationBrowser(identifier, browser)],
      stored,
      expires.getTime(),
      token,
      authKeys.verificationToken(identifier, ""),
    ),
  );
  return record;
}

/** The code's record if it was pending for this browser (and now used), else null: a wrong try. */
export async function consumeCode(identifier: string | undefined, hashedToken: string): Promise<CodeRecord | null> {
  // Auth.js passes the callback's `email` as it came: only an address as Brisk keys it can have a code.
  if (!identifier || emailSchema.safeParse(identifier).data !== identifier) return null;
  const browser = currentBrowser();
  const raw = await withStateRedis((redis) =>
    runScript(
      redis,
      CODE_USE_LUA,
      [
        authKeys.verificationToken(identifier, hashedToken),
        authKeys.verificationBrowser(identifier, browser),
        authKeys.verificationWrongTries(identifier),
      ],
      hashedToken,
      browser,
      MAX_WRONG_TRIES,
      Date.now(),
      WRONG_TRIES_WINDOW_MS,
      randomUUID(),
      authKeys.verificationToken(identifier, ""),
      WRONG_TRIES_KEPT,
    ),
  );
  if (typeof raw !== "string") return null;
  const stored = JSON.parse(raw) as { identifier: string; token: string; expires: number };
  return { identifier: stored.identifier, token: stored.token, expires: new Date(stored.expires) };
}

/** Wrong tries left for this browser's pending code of an e-mail (the sign-in page's message); 0 without one. */
export async function triesLeft(identifier: string, nonce: string | null): Promise<number> {
  if (!nonce) return 0;
  const key = authKeys.verificationBrowser(identifier, browserHash(nonce));
  const [code, tries] = await withStateRedis((redis) => redis.hmget(key, "code", "tries"));
  return code ? Math.max(0, MAX_WRONG_TRIES - Number(tries ?? 0)) : 0;
}

export interface WrongTries {
  count: number;
  /** When the newest wrong try was made (ms), 0 without any. */
  newestAt: number;
  /** When the try whose leaving the window brings `count` below `lockingCount` was made (ms), 0 if below. */
  lockingAt: number;
}

/** The e-mail's wrong tries in the last 24 hours. */
export async function wrongTries(identifier: string, lockingCount: number): Promise<WrongTries> {
  const [count, newestAt, lockingAt] = (await withStateRedis((redis) =>
    runScript(
      redis,
      WRONG_TRIES_LUA,
      [authKeys.verificationWrongTries(identifier)],
      Date.now(),
      WRONG_TRIES_WINDOW_MS,
      lockingCount,
    ),
  )) as [number, number, number];
  return { count, newestAt, lockingAt };
}
