import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WRONG_TRIES } from "@/lib/auth/code-store";
import { SIGNIN_PER_EMAIL, SIGNIN_PER_IP } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { awaitReady, closeRedisClients, redisClient } from "@/lib/redis/clients";
import { authKeys } from "@/lib/auth/keys";
import { scanKeys } from "@/lib/redis/scan";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { wrongCodeFor } from "@/tests/support/codes";
import { freePort } from "@/tests/support/ports";

// Signing in by e-mail code against the real built app (its standalone server; dev mailbox on, one trusted proxy hop), with the
// test database and Redis.

let server: AppServer;
const email = () => `shopper-${randomUUID()}@example.com`;
// Each shopper is a client of its own behind the trusted proxy (one hop), as in production.
const randomIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;
const browser = () => new BrowserClient(server.origin, { "x-forwarded-for": randomIp() });
const redis = () => redisClient("state");

beforeAll(async () => {
  await awaitReady("state");
  server = await AppServer.start("sign-in app", await freePort(), { TRUST_PROXY_HOPS: "1" });
}, 90_000);

afterAll(async () => {
  await server.stop();
  await closeRedisClients();
  await db.$disconnect();
});

describe("sign-in by e-mail code", () => {
  it("mails a 6-digit code and a link built on AUTH_URL; the code signs in once", async () => {
    const shopper = browser();
    const address = email();
    const asked = await shopper.requestCode(address);
    expect(asked.status).toBe(302);
    const mail = await shopper.latestMail(address);
    expect(mail.code).toMatch(/^\d{6}$/);
    expect(mail.link.startsWith(`${process.env.AUTH_URL}/api/auth/callback/email?`)).toBe(true);
    expect(new URL(mail.link).searchParams.get("token")).toBe(mail.code);

    const signedIn = await shopper.submitCode(address, mail.code);
    expect(signedIn.status).toBe(302);
    expect(new URL(signedIn.headers.get("location")!).pathname).toBe("/account");
    const cookie = signedIn.headers.getSetCookie().find((line) => line.startsWith("authjs.session-token="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // AUTH_URL is http here
    const account = await shopper.fetch("/api/account");
    expect(account.status).toBe(200);
    expect((await account.json()).user.email).toBe(address);

    const reused = await browser().submitCode(address, mail.code);
    expect(reused.headers.get("location")).toMatch(/\/signin\?error=Verification/);
  });

  it("an expired code does not sign in", async () => {
    const shopper = browser();
    const address = email();
    await shopper.requestCode(address);
    const { code } = await shopper.latestMail(address);
    // The code's key expires with the code (PXAT); expire it now.
    for (const key of await scanKeys(redis(), `${authKeys.verificationToken(address, "")}*`)) {
      await redis().pexpire(key, 1);
    }
    await expect
      .poll(async () => (await scanKeys(redis(), `${authKeys.verificationToken(address, "")}*`)).length)
      .toBe(0);
    const response = await shopper.submitCode(address, code);
    expect(response.headers.get("location")).toMatch(/error=Verification/);
    expect(shopper.sessionToken).toBeUndefined();
  });

  it(`after ${MAX_WRONG_TRIES} wrong codes the right one no longer works`, async () => {
    const shopper = browser();
    const address = email();
    await shopper.requestCode(address);
    const { code } = await shopper.latestMail(address);
    const wrong = wrongCodeFor(code);
    for (let i = 0; i < MAX_WRONG_TRIES; i++) await shopper.submitCode(address, wrong);
    const response = await shopper.submitCode(address, code);
    expect(response.headers.get("location")).toMatch(/error=Verification/);
    expect(shopper.sessionToken).toBeUndefined();
  });

  it("a flood of requests for one e-mail: 429 rate_limited after the limit, and no more mail", async () => {
    const shopper = browser();
    const address = email();
    for (let i = 0; i < SIGNIN_PER_EMAIL.limit; i++) expect((await shopper.requestCode(address)).status).toBe(302);
    const refused = await shopper.requestCode(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    const { mails } = await (await fetch(`${server.origin}/api/dev/mailbox?to=${encodeURIComponent(address)}`)).json();
    expect(mails).toHaveLength(SIGNIN_PER_EMAIL.limit);
  });

  it("a forged x-forwarded-for: only the trusted proxy's entry counts for the per-IP limit", async () => {
    const shopper = browser();
    const proxySaw = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const forged = (i: number) => ({ "x-forwarded-for": `203.0.113.${i}, ${proxySaw}` });
    for (let i = 0; i < SIGNIN_PER_IP.limit; i++) {
      expect((await shopper.requestCode(email(), forged(i))).status).toBe(302);
    }
    const refused = await shopper.requestCode(email(), forged(99));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("rate_limited");
    // Another client behind the same proxy is not limited.
    expect((await shopper.requestCode(email(), { "x-forwarded-for": "10.200.0.1" })).status).toBe(302);
  });

  it("bad input: 400 invalid_input, and no mail", async () => {
    const response = await browser().requestCode("not-an-email");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_input");
  });

  it("a repeated email field (Auth.js would use the last, the limits the first) is refused", async () => {
    const [limited, victim] = [email(), email()];
    const shopper = browser();
    const { csrfToken } = await (await shopper.fetch("/api/auth/csrf")).json();
    const body = new URLSearchParams([
      ["email", limited],
      ["email", victim],
      ["csrfToken", csrfToken],
    ]);
    const response = await shopper.fetch("/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(response.status).toBe(400);
    const { mails } = await (await fetch(`${server.origin}/api/dev/mailbox?to=${encodeURIComponent(victim)}`)).json();
    expect(mails).toEqual([]);
  });

  it("the dev mailbox refuses a request that came through a proxy from beyond loopback", async () => {
    const response = await fetch(`${server.origin}/api/dev/mailbox?to=a@example.com`, {
      headers: { "x-forwarded-for": "198.51.100.7" },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect((await fetch(`${server.origin}/api/dev/mailbox?to=a@example.com`)).status).toBe(200);
  });
});

describe("who sees the account", () => {
  it("signed out: /account is an HTTP redirect to /signin, and the account JSON is 401", async () => {
    // Every /account path, even one no page answers (proxy.ts redirects before any page renders).
    for (const path of ["/account", "/account/orders", "/account/no-such-page?x=1"]) {
      const page = await browser().fetch(path);
      expect(page.status).toBeGreaterThanOrEqual(300);
      expect(page.status).toBeLessThan(400);
      const location = new URL(page.headers.get("location")!, server.origin);
      expect(location.pathname).toBe("/signin");
      expect(location.searchParams.get("callbackUrl")).toBe(path);
    }
    const json = await browser().fetch("/api/account");
    expect(json.status).toBe(401);
    expect((await json.json()).error.code).toBe("unauthorized");
  });

  it("pages send a signed-in shopper's cookie again with a fresh 30-day lifetime; cached pages never do", async () => {
    const shopper = browser();
    await shopper.signIn(email());
    const fresh = (response: Response) =>
      response.headers.getSetCookie().find((line) => line.startsWith("authjs.session-token="));
    for (const response of [await shopper.fetch("/cart"), await shopper.fetch("/api/shopper")]) {
      const cookie = fresh(response);
      expect(cookie).toContain(`authjs.session-token=${shopper.sessionToken}`);
      expect(cookie).toMatch(/Max-Age=2592000/);
      expect(cookie).toMatch(/HttpOnly/i);
    }
    // A page served from the route cache carries no cookie: a shared cache in front could keep it for others.
    expect(fresh(await shopper.fetch("/"))).toBeUndefined();
    // Not on a fetch by the page's router (a prefetch): one still in flight when the shopper signs out
    // would bring the cookie back.
    const router = { rsc: "1", "next-router-prefetch": "1", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" };
    expect(fresh(await shopper.fetch("/cart", { headers: router }))).toBeUndefined();
  });

  it("sign out everywhere ends every session of the user and leaves no session key", async () => {
    const address = email();
    const [first, second] = [browser(), browser()];
    await first.signIn(address);
    await second.signIn(address);
    const { user, sessions } = await (await first.fetch("/api/account")).json();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const out = await first.fetch("/api/account/sessions", {
      method: "DELETE",
      headers: { origin: process.env.AUTH_URL! },
    });
    expect(out.status).toBe(200);
    expect((await out.json()).signedOut).toBe(2);
    expect((await first.fetch("/api/account")).status).toBe(401);
    expect((await second.fetch("/api/account")).status).toBe(401);
    expect(await scanKeys(redis(), `${authKeys.sessionIndex(user.id).replace(/index$/, "")}*`)).toEqual([]);
  });
});
