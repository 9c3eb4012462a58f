import { prefixed } from "../redis/keys";

/** Sessions and sign-in codes in Redis; each user's (or e-mail's) keys share one slot. */
export const authKeys = {
  /** A session, `sess:{u:<userId>}:<sessionToken>`: JSON, expiring with the session (PXAT). */
  session: (userId: string, sessionToken: string) => prefixed(`sess:{u:${userId}}:${sessionToken}`),
  /** The set of a user's session tokens, in the same slot as the sessions. */
  sessionIndex: (userId: string) => prefixed(`sess:{u:${userId}}:index`),
  /** A pending sign-in code (hashed by Auth.js), `vt:{e:<email>}:<hash>`, expiring with it. */
  verificationToken: (email: string, hashedToken: string) => prefixed(`vt:{e:${email}}:${hashedToken}`),
  /** One browser's pending code for an e-mail (hash `code`, `tries`), by the hash of its nonce. */
  verificationBrowser: (email: string, browser: string) => prefixed(`vt:{e:${email}}:browser:${browser}`),
  /** Every wrong try at an e-mail's codes in the last 24 hours (sorted set by time): the guessing budget. */
  verificationWrongTries: (email: string) => prefixed(`vt:{e:${email}}:wrong`),
  /** A user's pending change of e-mail (hash `email`, `salt`, `code`: its HMAC, `tries`), expiring with its code. */
  emailChange: (userId: string) => prefixed(`email-change:{u:${userId}}`),
};
