import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db } from "../db";
import { createCode, consumeCode } from "./code-store";
import {
  createSessionRecord,
  deleteSessionRecord,
  deleteUserSessions,
  extendSessionRecord,
  readSessionRecord,
  type SessionRecord,
} from "./session-store";
import { newSessionToken } from "./session-token";

/**
 * Brisk's Auth.js adapter: users and linked accounts are rows in PostgreSQL (Prisma); sessions and sign-in
 * codes are Redis keys that expire with the record (session-store.ts, code-store.ts). Deleting a user
 * removes every session and account. When Redis fails it throws (StateUnavailableError), never answers
 * null: Auth.js signs the shopper out on null.
 */

type UserRow = { id: string; email: string; emailVerified: Date | null; name: string | null; image: string | null };

const toAdapterUser = (row: UserRow): AdapterUser => ({
  id: row.id,
  email: row.email,
  emailVerified: row.emailVerified,
  name: row.name,
  image: row.image,
});

const toAdapterSession = (record: SessionRecord): AdapterSession => ({
  sessionToken: record.sessionToken,
  userId: record.userId,
  expires: record.expires,
});

const userFields = { id: true, email: true, emailVerified: true, name: true, image: true } as const;

export function briskAdapter(): Adapter {
  return {
    async createUser({ email, emailVerified, name, image }) {
      // Auth.js proposes an id; the database makes its own.
      const row = await db.user.create({ data: { email, emailVerified, name, image }, select: userFields });
      return toAdapterUser(row);
    },

    async getUser(id) {
      const row = await db.user.findUnique({ where: { id }, select: userFields });
      return row && toAdapterUser(row);
    },

    async getUserByEmail(email) {
      const row = await db.user.findUnique({ where: { email }, select: userFields });
      return row && toAdapterUser(row);
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userFields } },
      });
      return account && toAdapterUser(account.user);
    },

    async updateUser({ id, email, emailVerified, name, image }) {
      const row = await db.user.update({
        where: { id },
        data: { email, emailVerified, name, image },
        select: userFields,
      });
      return toAdapterUser(row);
    },

    async deleteUser(userId) {
      // Sessions first: a user row without sessions is harmless, a session without its user is not.
      await deleteUserSessions(userId);
      const row = await db.user.findUnique({ where: { id: userId }, select: userFields });
      if (!row) return null;
      await db.user.delete({ where: { id: userId } }); // accounts cascade
      return toAdapterUser(row);
    },

    async linkAccount(account) {
      await db.account.create({ data: accountData(account) });
      return account;
    },

    async unlinkAccount({ provider, providerAccountId }) {
      const row = await db.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } });
      return { ...row, type: row.type as AdapterAccount["type"] } as AdapterAccount;
    },

    async createSession({ userId, expires }) {
      // Auth.js sets the cookie from the token this returns, so the token may carry the user id.
      return toAdapterSession(await createSessionRecord(newSessionToken(userId), userId, expires));
    },

    async getSessionAndUser(sessionToken) {
      const record = await readSessionRecord(sessionToken);
      if (!record) return null;
      const row = await db.user.findUnique({ where: { id: record.userId }, select: userFields });
      return row && { session: toAdapterSession(record), user: toAdapterUser(row) };
    },

    async updateSession({ sessionToken, expires }) {
      if (!expires) return readSessionRecord(sessionToken).then((record) => record && toAdapterSession(record));
      const record = await extendSessionRecord(sessionToken, expires);
      return record && toAdapterSession(record);
    },

    async deleteSession(sessionToken) {
      const record = await deleteSessionRecord(sessionToken);
      return record && toAdapterSession(record);
    },

    async createVerificationToken(token) {
      return createCode(token);
    },

    async useVerificationToken({ identifier, token }) {
      return consumeCode(identifier, token);
    },
  };
}

function accountData(account: AdapterAccount) {
  return {
    userId: account.userId,
    type: account.type,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    refresh_token: account.refresh_token ?? null,
    access_token: account.access_token ?? null,
    expires_at: account.expires_at ?? null,
    token_type: account.token_type ?? null,
    scope: account.scope ?? null,
    id_token: account.id_token ?? null,
    session_state: typeof account.session_state === "string" ? account.session_state : null,
  };
}
