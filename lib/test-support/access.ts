import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * Who may use the test-support API (app/api/test-support): nobody unless TEST_SUPPORT_TOKEN is set, and
 * then only a request carrying `Authorization: Bearer <TEST_SUPPORT_TOKEN>`. A refused request gets the same
 * 404 as a path that does not exist, so a deployment without the token shows no sign the API is there.
 */

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The bearer token matches, compared in constant time (equal-length digests leak neither place nor length). */
export function testSupportAllowed(headers: Headers, token: string | undefined = env.TEST_SUPPORT_TOKEN): boolean {
  if (!token) return false;
  const presented = /^Bearer +([\x21-\x7e]+) *$/i.exec(headers.get("authorization") ?? "")?.[1];
  const equal = timingSafeEqual(digest(presented ?? ""), digest(token));
  return presented !== undefined && equal;
}

/** Bodies the test-support API accepts are small: a few numbers and names. */
export const TEST_SUPPORT_MAX_BODY_BYTES = 2 * 1024;
