import { randomBytes } from "node:crypto";

/**
 * Auth.js finds a session by its cookie's token alone, and Brisk's session keys live in the user's slot
 * (`sess:{u:<userId>}:…`), so the token carries the user id: `<userId>.<256 random bits>`. The id is not a
 * secret; the random part is what makes the token unguessable.
 */

export function newSessionToken(userId: string): string {
  return `${userId}.${randomBytes(32).toString("base64url")}`;
}

/** The user id in a token, or null when the token is not one of ours (then no session can match it). */
export function userIdOfSessionToken(token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? match[1] : null;
}
