import { randomUUID } from "node:crypto";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { awaitReady, closeRedisClients, redisClient } from "../redis/clients";
import { authKeys } from "./keys";
import { newBrowserNonce, withSignInBrowser } from "./sign-in-browser";
import { briskAdapter } from "./adapter";
import { MAX_WRONG_TRIES, WRONG_TRIES_KEPT } from "./code-store";

// The adapter against the real test PostgreSQL and Redis: what Auth.js' adapter suite covers, and what it
// misses (Redis expiries equal to the records', several sessions per user, expired sessions, e-mail changes).

const adapter = briskAdapter() as Required<Adapter>;
const redis = () => redisClient("state");
const email = () => `shopper-${randomUUID()}@example.com`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function newUser(): Promise<AdapterUser> {
  return adapter.createUser({ id: randomUUID(), email: email(), emailVerified: null, name: "Ada", image: null });
}

async function pexpireTime(key: string): Promise<number> {
  return Number(await redis().call("PEXPIRETIME", key));
}

beforeAll(() => awaitReady("state"));
afterAll(async () => {
  await closeRedisClients();
  await db.$disconnect();
});

describe("users and accounts (PostgreSQL)", () => {
  it("creates a user and finds it by id and by e-mail", async () => {
    const user = await newUser();
    expect(user.id).not.toBe("");
    expect(await adapter.getUser(user.id)).toEqual(user);
    expect(await adapter.getUserByEmail(user.email)).toEqual(user);
    expect(await adapter.getUser("no-such-user")).toBeNull();
    expect(await adapter.getUserByEmail("nobody@example.com")).toBeNull();
  });

  it("updates a user; after an e-mail change only the new address finds it", async () => {
    const user = await newUser();
    const newEmail = email();
    const verified = new Date("2026-11-01T10:00:00.000Z");
    const updated = await adapter.updateUser({ id: user.id, email: newEmail, emailVerified: verified, name: "Grace" });
    expect(updated).toMatchObject({ id: user.id, email: newEmail, emailVerified: verified, name: "Grace" });
    expect(await adapter.getUserByEmail(newEmail)).toMatchObject({ id: user.id });
    expect(await adapter.getUserByEmail(user.email)).toBeNull();
  });

  it("links an account, finds the user by it, and unlinks it", async () => {
    const user = await newUser();
    const account = {
      userId: user.id,
      type: "oauth" as const,
      provider: "github",
      providerAccountId: randomUUID(),
      access_token: "token",
      token_type: "bearer" as Lowercase<string>,
      scope: "read:user",
    };
    await adapter.linkAccount(account);
    const key = { provider: "github", providerAccountId: account.providerAccountId };
    expect(await adapter.getUserByAccount(key)).toEqual(user);
    await adapter.unlinkAccount(key);
    expect(await adapter.getUserByAccount(key)).toBeNull();
  });
});

describe("sessions (Redis)", () => {
  it("creates a session whose token leads to the user's slot, and whose Redis expiry is the session's", async () => {
    const user = await newUser();
    const expires = inDays(30);
    const session = await adapter.createSession({ sessionToken: "ignored", userId: user.id, expires });
    expect(session.sessionToken.startsWith(`${user.id}.`)).toBe(true);
    expect(session.sessionToken.length).toBeGreaterThan(user.id.length + 40);
    const key = authKeys.session(user.id, session.sessionToken);
    expect(await pexpireTime(key)).toBe(expires.getTime());
    expect(await redis().smembers(authKeys.sessionIndex(user.id))).toEqual([session.sessionToken]);
    expect(await adapter.getSessionAndUser(session.sessionToken)).toEqual({
      session: { sessionToken: session.sessionToken, userId: user.id, expires },
      user,
    });
  });

  it("moves the Redis expiry when Auth.js extends the session", async () => {
    const user = await newUser();
    const session = await adapter.createSession({ sessionToken: "", userId: user.id, expires: inDays(1) });
    const later = inDays(30);
    const updated = await adapter.updateSession({ sessionToken: session.sessionToken, expires: later });
    expect(updated?.expires).toEqual(later);
    expect(await pexpireTime(authKeys.session(user.id, session.sessionToken))).toBe(later.getTime());
    expect(await pexpireTime(authKeys.sessionIndex(user.id))).toBeGreaterThanOrEqual(later.getTime());
    expect((await adapter.getSessionAndUser(session.sessionToken))?.session.expires).toEqual(later);
  });

  it("answers null for unknown, malformed and deleted sessions, and updating one creates nothing", async () => {
    const user = await newUser();
    const session = await adapter.createSession({ sessionToken: "", userId: user.id, expires: inDays(30) });
    await adapter.deleteSession(session.sessionToken);
    expect(await adapter.getSessionAndUser(session.sessionToken)).toBeNull();
    expect(await redis().smembers(authKeys.sessionIndex(user.id))).toEqual([]);
    expect(await adapter.updateSession({ sessionToken: session.sessionToken, expires: inDays(3) })).toBeNull();
    expect(await redis().exists(authKeys.session(user.id, session.sessionToken))).toBe(0);
    expect(await adapter.getSessionAndUser("not-a-token")).toBeNull();
    expect(await adapter.getSessionAndUser(`${user.id}.${"x".repeat(43)}`)).toBeNull();
  });

  it("never returns an expired session", async () => {
    const user = await newUser();
    const session = await adapter.createSession({
      sessionToken: "",
      userId: user.id,
      expires: new Date(Date.now() + 2_000),
    });
    expect(await adapter.getSessionAndUser(session.sessionToken)).not.toBeNull();
    await expect.poll(() => adapter.getSessionAndUser(session.sessionToken), { timeout: 5_000 }).toBeNull();
  });

  it("keeps several sessions per user; deleting one leaves the others", async () => {
    const user = await newUser();
    const sessions = await Promise.all(
      [1, 2, 3].map(() => adapter.createSession({ sessionToken: "", userId: user.id, expires: inDays(30) })),
    );
    expect(new Set(sessions.map((s) => s.sessionToken)).size).toBe(3);
    await adapter.deleteSession(sessions[0].sessionToken);
    expect(await adapter.getSessionAndUser(sessions[0].sessionToken)).toBeNull();
    for (const other of sessions.slice(1)) expect(await adapter.getSessionAndUser(other.sessionToken)).not.toBeNull();
    expect((await redis().smembers(authKeys.sessionIndex(user.id))).sort()).toEqual(
      sessions
        .slice(1)
        .map((s) => s.sessionToken)
        .sort(),
    );
  });

  it("deleting a user removes every session, the index and every linked account", async () => {
    const user = await newUser();
    const sessions = await Promise.all(
      [1, 2].map(() => adapter.createSession({ sessionToken: "", userId: user.id, expires: inDays(30) })),
    );
    await adapter.linkAccount({ userId: user.id, type: "oauth", provider: "github", providerAccountId: randomUUID() });
    await adapter.deleteUser(user.id);
    expect(await adapter.getUser(user.id)).toBeNull();
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    for (const session of sessions) {
      expect(await redis().exists(authKeys.session(user.id, session.sessionToken))).toBe(0);
    }
    expect(await redis().exists(authKeys.sessionIndex(user.id))).toBe(0);
  });
});

describe("verification tokens (sign-in codes, Redis)", () => {
  const token = (identifier: string, hash: string, minutes = 10) => ({
    identifier,
    token: hash,
    expires: new Date(Date.now() + minutes * 60_000),
  });
  /** The adapter as Auth.js calls it for one browser (its sign-in nonce). */
  const browser = (nonce = newBrowserNonce()) => ({
    create: (record: ReturnType<typeof token>) =>
      withSignInBrowser(nonce, async () => adapter.createVerificationToken!(record)),
    use: (identifier: string, hash: string) =>
      withSignInBrowser(nonce, async () => adapter.useVerificationToken!({ identifier, token: hash })),
  });
  const wrongLogged = (identifier: string) => redis().zcard(authKeys.verificationWrongTries(identifier));

  it("stores a code that expires with it, and uses it once, in the browser that asked", async () => {
    const identifier = email();
    const created = token(identifier, "hash-1");
    const asker = browser();
    await asker.create(created);
    expect(await pexpireTime(authKeys.verificationToken(identifier, "hash-1"))).toBe(created.expires.getTime());
    expect(await asker.use(identifier, "hash-1")).toEqual(created);
    expect(await asker.use(identifier, "hash-1")).toBeNull();
  });

  it("refuses to create a code outside a browser's sign-in", async () => {
    await expect(adapter.createVerificationToken(token(email(), "nobody"))).rejects.toThrow(/withSignInBrowser/);
  });

  it("a code works only from the browser that asked; a browser without a code of its own counts nowhere", async () => {
    const identifier = email();
    const asker = browser();
    await asker.create(token(identifier, "mine"));
    expect(await browser().use(identifier, "mine")).toBeNull();
    expect(await adapter.useVerificationToken({ identifier, token: "mine" })).toBeNull();
    expect(await wrongLogged(identifier)).toBe(0);
    const other = browser();
    await other.create(token(identifier, "theirs"));
    expect(await other.use(identifier, "mine")).toBeNull();
    expect(await wrongLogged(identifier)).toBe(1);
    expect(await asker.use(identifier, "mine")).not.toBeNull();
  });

  it(`keeps the e-mail's newest ${WRONG_TRIES_KEPT} wrong tries, and nothing for an address that is not one`, async () => {
    const identifier = email();
    for (let i = 0; i < 4; i++) {
      const guesser = browser();
      await guesser.create(token(identifier, `code-${i}`));
      for (let j = 0; j < MAX_WRONG_TRIES; j++) await guesser.use(identifier, `wrong-${i}-${j}`);
    }
    expect(await wrongLogged(identifier)).toBe(WRONG_TRIES_KEPT);
    const odd = `  ${identifier.toUpperCase()}`;
    expect(await browser().use(odd, "any")).toBeNull();
    expect(await redis().exists(authKeys.verificationWrongTries(odd))).toBe(0);
  });

  it("a browser's new code replaces its older one; other browsers' codes stay", async () => {
    const identifier = email();
    const [first, second] = [browser(), browser()];
    await first.create(token(identifier, "older"));
    await second.create(token(identifier, "other"));
    await first.create(token(identifier, "newer"));
    expect(await first.use(identifier, "older")).toBeNull();
    expect(await first.use(identifier, "newer")).not.toBeNull();
    expect(await second.use(identifier, "other")).not.toBeNull();
  });

  it("a code of one e-mail does not work for another", async () => {
    const identifier = email();
    const asker = browser();
    await asker.create(token(identifier, "hash-2"));
    expect(await asker.use(email(), "hash-2")).toBeNull();
    expect(await asker.use(identifier, "hash-2")).not.toBeNull();
  });

  it(`after ${MAX_WRONG_TRIES} wrong tries a browser's code is dead, the right one too; nobody else's`, async () => {
    const identifier = email();
    const [guesser, owner] = [browser(), browser()];
    await guesser.create(token(identifier, "guessers"));
    await owner.create(token(identifier, "owners"));
    for (let i = 0; i < MAX_WRONG_TRIES; i++) expect(await guesser.use(identifier, `wrong-${i}`)).toBeNull();
    expect(await guesser.use(identifier, "guessers")).toBeNull();
    expect(await redis().exists(authKeys.verificationToken(identifier, "guessers"))).toBe(0);
    expect(await owner.use(identifier, "owners")).not.toBeNull();
  });

  it("fewer wrong tries than the limit leave the right code working", async () => {
    const identifier = email();
    const asker = browser();
    await asker.create(token(identifier, "right"));
    for (let i = 0; i < MAX_WRONG_TRIES - 1; i++) await asker.use(identifier, `w${i}`);
    expect(await asker.use(identifier, "right")).not.toBeNull();
  });

  it("a new code does not reset the e-mail's log of wrong tries", async () => {
    const identifier = email();
    const asker = browser();
    await asker.create(token(identifier, "first"));
    for (let i = 0; i < MAX_WRONG_TRIES; i++) await asker.use(identifier, `w${i}`);
    await asker.create(token(identifier, "second"));
    await asker.use(identifier, "w-again");
    expect(await wrongLogged(identifier)).toBe(MAX_WRONG_TRIES + 1);
    expect(await redis().pttl(authKeys.verificationWrongTries(identifier))).toBeGreaterThan(23 * 3_600_000);
  });
});
