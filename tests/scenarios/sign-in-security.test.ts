import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WRONG_TRIES } from "@/lib/auth/code-store";
import { LOCKED_FROM, LOCKOUT_TIERS } from "@/lib/auth/guess-budget";
import { authKeys } from "@/lib/auth/keys";
import { LINK_NONCE_PARAM, signInBrowserCookie } from "@/lib/auth/sign-in-browser";
import { SIGNIN_PER_EMAIL } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { awaitReady, closeRedisClients, redisClient } from "@/lib/redis/clients";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { wrongCodeFor } from "@/tests/support/codes";
import { freePort } from "@/tests/support/ports";

// Attacks on sign-in, over HTTP against the real built app (its standalone server; dev mailbox on, one trusted proxy hop).

let server: AppServer;
const email = () => `target-${randomUUID()}@example.com`;
const randomIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;
const browser = () => new BrowserClient(server.origin, { "x-forwarded-for": randomIp() });
const mailsTo = async (address: string) =>
  (
    (await (await fetch(`${server.origin}/api/dev/mailbox?to=${encodeURIComponent(address)}`)).json()) as {
      mails: unknown[];
    }
  ).mails;

beforeAll(async () => {
  await awaitReady("state");
  server = await AppServer.start("sign-in security app", await freePort(), { TRUST_PROXY_HOPS: "1" });
}, 90_000);

afterAll(async () => {
  await server.stop();
  await closeRedisClients();
  await db.$disconnect();
});

describe("one parse: the e-mail Brisk checks is the e-mail Auth.js acts on", () => {
  it("refuses any media type but the form's, so no crafted body reads differently to Auth.js", async () => {
    const shopper = browser();
    const [checked, other] = [email(), email()];
    const { csrfToken } = await (await shopper.fetch("/api/auth/csrf")).json();
    // Read as multipart, this names `checked`; read as a URL-encoded form (the type's other half), `other`.
    const boundary = "brisk";
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n${checked}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="csrfToken"\r\n\r\n${csrfToken}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="pad"\r\n\r\n&email=${other}&csrfToken=${csrfToken}&\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const answers: unknown[] = [];
    for (const contentType of [
      `multipart/form-data; boundary=${boundary}; x=application/x-www-form-urlencoded`,
      "application/json",
      "text/plain;application/x-www-form-urlencoded",
    ]) {
      const response = await shopper.fetch("/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      });
      answers.push([response.status, response.status < 400 ? null : (await response.json()).error.code]);
    }
    expect(await mailsTo(other)).toEqual([]);
    expect(await mailsTo(checked)).toEqual([]);
    expect(answers).toEqual(Array(3).fill([415, "unsupported_media_type"]));
  });

  it("hands Auth.js only the checked fields", async () => {
    const shopper = browser();
    const address = email();
    const { csrfToken } = await (await shopper.fetch("/api/auth/csrf")).json();
    const response = await shopper.fetch("/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: new URLSearchParams({ email: `  ${address.toUpperCase()} `, csrfToken, callbackUrl: "/account" }),
    });
    expect(response.status).toBe(302);
    expect(await mailsTo(address)).toHaveLength(1);
  });
});

describe("limits count only requests that passed the CSRF check", () => {
  it("a stranger's requests without the form's token are refused and count against nothing", async () => {
    const address = email();
    const stranger = browser();
    for (let i = 0; i < SIGNIN_PER_EMAIL.limit * 2; i++) {
      const refused = await stranger.fetch("/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: address, csrfToken: "forged" }),
      });
      expect(refused.status).toBe(403);
    }
    expect((await browser().requestCode(address)).status).toBe(302);
  });
});

describe("a stranger cannot stop the owner from using a code already received", () => {
  it("neither a flood of requests for the e-mail nor wrong codes from elsewhere touch the owner's code", async () => {
    const address = email();
    const owner = browser();
    await owner.requestCode(address);
    const { code } = await owner.latestMail(address);

    const stranger = browser();
    let status = 0;
    for (let i = 0; i <= SIGNIN_PER_EMAIL.limit && status !== 429; i++)
      status = (await stranger.requestCode(address)).status;
    expect(status).toBe(429);
    for (let i = 0; i < MAX_WRONG_TRIES + 2; i++) await stranger.submitCode(address, wrongCodeFor(code));
    // The owner's own code, typed into a stranger's browser, is a wrong try there too.
    expect((await stranger.submitCode(address, code)).headers.get("location")).toMatch(/error=Verification/);

    const signedIn = await owner.submitCode(address, code);
    expect(new URL(signedIn.headers.get("location")!).pathname).toBe("/account");
    expect(owner.sessionToken).toBeDefined();
  });
});

describe("the guessing budget of an e-mail", () => {
  it("counts no guess from a browser without a code of its own: a stranger cannot spend it", async () => {
    const address = email();
    const stranger = browser();
    for (let i = 0; i < 3 * LOCKED_FROM; i++) {
      const guess = await stranger.submitCode(address, String(i).padStart(6, "0"));
      expect(guess.headers.get("location")).toMatch(/error=Verification/);
    }
    expect(await redisClient("state").exists(authKeys.verificationWrongTries(address))).toBe(0);
    expect((await browser().requestCode(address)).status).toBe(302);
  });

  it("is not reset by a new code: wrong tries lock out new codes for the e-mail, from any browser", async () => {
    const address = email();
    const guesser = browser();
    for (let round = 0; round < 2; round++) {
      if (round === 1) {
        const locked = await guesser.requestCode(address);
        expect(locked.status).toBe(429);
        const retryAfter = Number(locked.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(LOCKOUT_TIERS[0].waitMs / 1000 - 60);
        expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_TIERS[0].waitMs / 1000);
        expect((await browser().requestCode(address)).status).toBe(429);
        // A quarter of an hour later (the log's times moved back), a new code may be sent again.
        const log = authKeys.verificationWrongTries(address);
        const entries = await redisClient("state").zrange(log, 0, -1, "WITHSCORES");
        for (let i = 0; i < entries.length; i += 2) {
          await redisClient("state").zadd(log, Number(entries[i + 1]) - LOCKOUT_TIERS[0].waitMs, entries[i]);
        }
      }
      expect((await guesser.requestCode(address)).status).toBe(302);
      const { code } = await guesser.latestMail(address);
      for (let i = 0; i < MAX_WRONG_TRIES; i++) await guesser.submitCode(address, wrongCodeFor(code));
      expect((await guesser.submitCode(address, code)).headers.get("location")).toMatch(/error=Verification/);
    }
    // The right code after its browser's code died is checked against nothing: it counts nowhere.
    expect(await redisClient("state").zcard(authKeys.verificationWrongTries(address))).toBe(2 * MAX_WRONG_TRIES);
    const locked = await guesser.requestCode(address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(LOCKOUT_TIERS[0].waitMs / 1000);
  });
});

describe("no login CSRF: a magic link signs in only the browser that asked, or asks first", () => {
  it("someone else's link opened in a shopper's browser signs nothing in and merges no cart", async () => {
    const attacker = browser();
    const attackersAddress = email();
    await attacker.requestCode(attackersAddress);
    const { link } = await attacker.latestMail(attackersAddress);
    expect(new URL(link).searchParams.get(LINK_NONCE_PARAM)).toMatch(/^[\w-]{43}$/);

    const shopper = browser();
    const variant = await db.variant.findFirstOrThrow({
      where: { stock: { gte: 3 }, product: { status: "ACTIVE" } },
    });
    const added = await shopper.fetch("/api/cart/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
    });
    expect(added.status).toBe(200);
    const opened = await shopper.fetch(new URL(link).pathname + new URL(link).search);
    expect(opened.status).toBe(303);
    const confirm = new URL(opened.headers.get("location")!);
    expect(confirm.pathname).toBe("/signin/confirm");
    expect(confirm.searchParams.get("email")).toBe(attackersAddress);
    expect(shopper.sessionToken).toBeUndefined();
    const cart = await (await shopper.fetch("/api/cart")).json();
    expect(cart.cart.lines.map((line: { variantId: number }) => line.variantId)).toEqual([variant.id]);

    // The confirmation page asks, and signs nothing in by itself.
    const page = await shopper.fetch(confirm.pathname + confirm.search);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sign in on this device?");
    expect(shopper.sessionToken).toBeUndefined();

    // Confirming needs a form post from this site: another site's page cannot confirm for the shopper.
    const fields = new URLSearchParams(confirm.search);
    const forged = await shopper.fetch("/signin/confirm/continue", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: fields,
    });
    expect(forged.status).toBe(403);
    expect(shopper.cookies.has(signInBrowserCookie())).toBe(false);

    // In the browser that asked, the same link signs in at once.
    const own = await attacker.fetch(new URL(link).pathname + new URL(link).search);
    expect(new URL(own.headers.get("location")!).pathname).toBe("/account");
    expect(attacker.sessionToken).toBeDefined();
  });
});

describe("body limits before parsing", () => {
  /** Sends headers declaring `length` bytes and only a few of them: the answer must come before the rest. */
  const declaredOnly = (path: string, length: number) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(path, server.origin);
      const request = http.request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": length },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on("error", reject);
      request.write("email=a");
    });
  const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]);

  it("refuses a 200 MB form at once by its length, and a chunked one as it streams, memory barely moving", async () => {
    const before = rssKb();
    for (const path of ["/api/auth/signin/email", "/api/auth/signout", "/api/auth/callback/email"]) {
      expect(await declaredOnly(path, 200 * 1024 * 1024)).toBe(413);

      const chunk = new Uint8Array(1024 * 1024).fill(97);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 200) return controller.close();
          sent++;
          controller.enqueue(chunk);
        },
      });
      const chunked = await fetch(`${server.origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect((await chunked.json()).error.code).toBe("payload_too_large");
      expect(sent).toBeLessThan(200);
    }
    expect(rssKb() - before).toBeLessThan(64 * 1024);
  });
});
