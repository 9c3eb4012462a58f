import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { readDevMailbox } from "../mail/dev-mailbox";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import {
  CHANGE_LIFETIME_MS,
  CODES_PER_ACCOUNT_DAY,
  CODES_PER_ADDRESS_DAY,
  confirmEmailChange,
  MAX_WRONG_TRIES,
  pendingEmailChange,
  RECENT_SIGN_IN_MS,
  requestEmailChange,
} from "./email-change";
import { wrongCodeFor } from "@/tests/support/codes";
import { authKeys } from "./keys";

// Against the real test PostgreSQL and Redis; codes are read from the dev mailbox, as a shopper reads mail.

const address = () => `shopper-${randomUUID()}@example.com`;

/** A user signed in `signedInAgoMs` ago, as the account page hands it over. */
async function newUser(signedInAgoMs = 0) {
  const user = await db.user.create({ data: { email: address(), name: "Ada" }, select: { id: true, email: true } });
  return { ...user, user, session: { createdAt: new Date(Date.now() - signedInAgoMs) } };
}

async function codeSentTo(email: string): Promise<string> {
  const [newest] = await readDevMailbox(email);
  const code = newest?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in the mail to ${email}`);
  return code;
}

beforeAll(() => awaitReady("state"));
afterAll(async () => {
  await closeRedisClients();
  await db.$disconnect();
});

describe("changing the e-mail of an account", () => {
  it("moves the account to the new address only with the code sent there, and tells the old address", async () => {
    const user = await newUser();
    const newEmail = address();
    expect(await requestEmailChange(user, ` ${newEmail.toUpperCase()} `)).toEqual({ ok: true, email: newEmail });
    expect(await pendingEmailChange(user.id)).toBe(newEmail);
    const ttl = await redisClient("state").pttl(authKeys.emailChange(user.id));
    expect(ttl).toBeGreaterThan(CHANGE_LIFETIME_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(CHANGE_LIFETIME_MS);
    // Nothing changes until the code comes back.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const code = await codeSentTo(newEmail);
    expect(await confirmEmailChange(user, code)).toEqual({ ok: true, email: newEmail });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(newEmail);
    expect(row.emailVerified).not.toBeNull();
    expect(await pendingEmailChange(user.id)).toBeNull();
    const [notice] = await readDevMailbox(user.email);
    expect(notice.subject).toMatch(/e-mail address was changed/);
    expect(notice.text).toContain(newEmail);

    // The code works once.
    expect(await confirmEmailChange({ user: { ...user.user, email: newEmail } }, code)).toMatchObject({
      ok: false,
      askAgain: true,
    });
  });

  it(`kills the code after ${MAX_WRONG_TRIES} wrong tries, and the right code then fails too`, async () => {
    const user = await newUser();
    const newEmail = address();
    await requestEmailChange(user, newEmail);
    const code = await codeSentTo(newEmail);
    for (let left = MAX_WRONG_TRIES - 1; left > 0; left--) {
      const result = await confirmEmailChange(user, wrongCodeFor(code));
      expect(result).toEqual({ ok: false, problem: expect.stringContaining(`${left} tries left`), askAgain: false });
    }
    expect(await confirmEmailChange(user, wrongCodeFor(code))).toMatchObject({ ok: false });
    expect(await confirmEmailChange(user, code)).toEqual({
      ok: false,
      problem: expect.stringMatching(/no longer works|expired/),
      askAgain: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("counts wrong tries at once without losing one (a race)", async () => {
    const user = await newUser();
    const newEmail = address();
    await requestEmailChange(user, newEmail);
    const code = await codeSentTo(newEmail);
    const results = await Promise.all(
      Array.from({ length: MAX_WRONG_TRIES + 3 }, () => confirmEmailChange(user, wrongCodeFor(code))),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await confirmEmailChange(user, code)).toMatchObject({ ok: false });
    expect(await pendingEmailChange(user.id)).toBeNull();
  });

  it("a new request replaces the pending one: the first code no longer works", async () => {
    const user = await newUser();
    const first = address();
    const second = address();
    await requestEmailChange(user, first);
    const firstCode = await codeSentTo(first);
    await requestEmailChange(user, second);
    const secondCode = await codeSentTo(second);
    if (firstCode !== secondCode) expect(await confirmEmailChange(user, firstCode)).toMatchObject({ ok: false });
    expect(await confirmEmailChange(user, secondCode)).toEqual({ ok: true, email: second });
  });

  it("says an address belongs to another account only to whoever holds its code", async () => {
    const user = await newUser();
    const other = await newUser();
    expect(await requestEmailChange(user, other.email)).toEqual({ ok: true, email: other.email });
    const result = await confirmEmailChange(user, await codeSentTo(other.email));
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/another account/), askAgain: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("refuses bad input and its own address, and sends nothing then", async () => {
    const user = await newUser();
    expect(await requestEmailChange(user, "not an address")).toMatchObject({ ok: false });
    expect(await requestEmailChange(user, user.email.toUpperCase())).toMatchObject({ ok: false });
    expect(await requestEmailChange(user, 42)).toMatchObject({ ok: false });
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect(await confirmEmailChange(user, "123456")).toMatchObject({ ok: false });
  });

  it(`sends at most ${CODES_PER_ACCOUNT_DAY} codes a day per account`, async () => {
    const user = await newUser();
    for (let i = 0; i < CODES_PER_ACCOUNT_DAY; i++)
      expect(await requestEmailChange(user, address())).toMatchObject({ ok: true });
    const refused = address();
    expect(await requestEmailChange(user, refused)).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(await readDevMailbox(refused)).toEqual([]);
  });

  it(`sends at most ${CODES_PER_ADDRESS_DAY} codes a day to one address, from all accounts together`, async () => {
    const target = address();
    for (let i = 0; i < CODES_PER_ADDRESS_DAY; i++)
      expect(await requestEmailChange(await newUser(), target)).toMatchObject({ ok: true });
    expect(await requestEmailChange(await newUser(), target)).toMatchObject({ ok: false });
    expect(await readDevMailbox(target)).toHaveLength(CODES_PER_ADDRESS_DAY);
  });

  it("asks for a recent sign-in: a session older than the hour cannot start a change", async () => {
    const user = await newUser(RECENT_SIGN_IN_MS + 60_000);
    const newEmail = address();
    expect(await requestEmailChange(user, newEmail)).toMatchObject({ ok: false, signInAgain: true });
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect(await readDevMailbox(newEmail)).toEqual([]);
  });

  it("keeps the code out of Redis: the stored hash is keyed, and the hash expires with the code", async () => {
    const user = await newUser();
    const newEmail = address();
    await requestEmailChange(user, newEmail);
    const code = await codeSentTo(newEmail);
    const stored = await redisClient("state").hgetall(authKeys.emailChange(user.id));
    expect(Object.keys(stored).sort()).toEqual(["code", "email", "salt", "tries"]);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await redisClient("state").pttl(authKeys.emailChange(user.id))).toBeGreaterThan(0);
  });
});
