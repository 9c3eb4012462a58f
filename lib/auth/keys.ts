import { prefixed } from "../redis/keys";

/** Sessions and sign-in codes in Redis; each user's (or e-mail's) keys share one slot. */
export const authKeys = {
  /** A session, `sess:{u:<userId>}:<sessionToken>`: JSON, expiring with the session (PXAT). */
  session: (userId: string, sessionToken: string) => prefixed(`sess:{u:${userId}}:${sessionToken}`),
  /** The set of a user's session tokens, in the same slot as the sessions. */
  sessionIndex: (userId: string) => prefixed(`sess:{u:${userId}}:index`),
  /** A pending sign-in code (hashed by Auth.js), `vt:{e:<email>}:<hash>`, expiring with it. */
  verificationToken: (email: string, hashedToken: string) => prefixed(`vt:{e:${email}}:${hashedToken}`),
  /** Wrong tries at an e-mail's codes; at the limit every pending code of that e-mail is dead. */
  verificationTries: (email: string) => prefixed(`vt:{e:${email}}:tries`),
  /** The hashes of an e-mail's pending codes (so the fifth wrong try can kill them all). */
  verificationIndex: (email: string) => prefixed(`vt:{e:${email}}:index`),
};
