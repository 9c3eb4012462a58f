import { authKeys } from "./keys";
import {
  SESSION_CREATE_LUA,
  SESSION_DELETE_ALL_LUA,
  SESSION_DELETE_LUA,
  SESSION_EXTEND_LUA,
  SESSION_READ_LUA,
} from "../redis/scripts/session";
import { durableStateWrite, withStateRedis } from "../redis/state";
import { userIdOfSessionToken } from "./session-token";
import { runScript } from "../redis/scripts/run";

/**
 * Sessions in Redis: `sess:{u:<userId>}:<token>` expiring exactly when the session does (PXAT), and the
 * user's index `sess:{u:<userId>}:index` in the same slot. Throws StateUnavailableError when Redis fails:
 * a Redis blip must never read as "no session" (Auth.js would clear the cookie and sign the shopper out).
 */

export interface SessionRecord {
  sessionToken: string;
  userId: string;
  expires: Date;
  createdAt: Date;
  lastSeenAt: Date;
}

/** "Last seen" is written at most this often, so reading a session is not a write per request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

interface StoredSession {
  sessionToken: string;
  userId: string;
  expires: number;
  createdAt: number;
  lastSeenAt: number;
}

function revive(raw: unknown): SessionRecord | null {
  if (typeof raw !== "string") return null;
  const stored = JSON.parse(raw) as StoredSession;
  return {
    sessionToken: stored.sessionToken,
    userId: stored.userId,
    expires: new Date(stored.expires),
    createdAt: new Date(stored.createdAt),
    lastSeenAt: new Date(stored.lastSeenAt),
  };
}

function keysOf(sessionToken: string): [string, string] | null {
  const userId = userIdOfSessionToken(sessionToken);
  return userId ? [authKeys.session(userId, sessionToken), authKeys.sessionIndex(userId)] : null;
}

export async function createSessionRecord(sessionToken: string, userId: string, expires: Date): Promise<SessionRecord> {
  const keys = keysOf(sessionToken);
  if (!keys || userIdOfSessionToken(sessionToken) !== userId) throw new Error("session token of another user");
  const now = Date.now();
  const stored: StoredSession = { sessionToken, userId, expires: expires.getTime(), createdAt: now, lastSeenAt: now };
  await durableStateWrite(SESSION_CREATE_LUA, keys, JSON.stringify(stored), stored.expires, sessionToken);
  return revive(JSON.stringify(stored))!;
}

/** The session, or null when there is none or it has expired. */
export async function readSessionRecord(sessionToken: string): Promise<SessionRecord | null> {
  const keys = keysOf(sessionToken);
  if (!keys) return null;
  const now = Date.now();
  const record = revive(
    await withStateRedis((redis) => runScript(redis, SESSION_READ_LUA, [keys[0]], now, LAST_SEEN_INTERVAL_MS)),
  );
  return record && record.expires.getTime() > now ? record : null;
}

export async function extendSessionRecord(sessionToken: string, expires: Date): Promise<SessionRecord | null> {
  const keys = keysOf(sessionToken);
  if (!keys) return null;
  return revive(await durableStateWrite(SESSION_EXTEND_LUA, keys, expires.getTime()));
}

export async function deleteSessionRecord(sessionToken: string): Promise<SessionRecord | null> {
  const keys = keysOf(sessionToken);
  if (!keys) return null;
  return revive(await durableStateWrite(SESSION_DELETE_LUA, keys, sessionToken));
}

/** "Sign out everywhere": every session of the user and its index, in one step. Returns how many there were. */
export async function deleteUserSessions(userId: string): Promise<number> {
  const prefix = authKeys.session(userId, "");
  const deleted = await durableStateWrite(SESSION_DELETE_ALL_LUA, [authKeys.sessionIndex(userId)], prefix);
  return Number(deleted);
}

/** The user's live sessions, newest first (index members whose session expired are dropped from the index). */
export async function listUserSessions(userId: string): Promise<SessionRecord[]> {
  const index = authKeys.sessionIndex(userId);
  // One withStateRedis per round trip: each is timed from when it is sent (lib/redis/deadline.ts).
  const tokens = await withStateRedis((redis) => redis.smembers(index));
  if (tokens.length === 0) return [];
  // One MGET: the sessions share the index's slot, so this is legal on Redis Cluster too.
  const raws = await withStateRedis((redis) => redis.mget(...tokens.map((token) => authKeys.session(userId, token))));
  const gone = tokens.filter((_, i) => raws[i] === null);
  if (gone.length > 0) await withStateRedis((redis) => redis.srem(index, ...gone));
  return raws
    .map(revive)
    .filter((record): record is SessionRecord => record !== null && record.expires.getTime() > Date.now())
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
