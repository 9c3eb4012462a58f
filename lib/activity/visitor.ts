import { newCookieId, parseCookieId, siteCookieOptions } from "../http/cookies";

/**
 * The visitor cookie: an unguessable id (128 random bits) that names a browser's recently viewed products
 * before its shopper signs in. httpOnly, SameSite=Lax, Secure on https, renewed on every recorded view.
 * An id the browser made up names only an empty list: nobody can read another browser's list without
 * its cookie.
 */

export const VISITOR_COOKIE = "brisk_visitor";
const VISITOR_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const newVisitorId = newCookieId;

/** The visitor id in a cookie value, or null when it is absent or not one of ours. */
export const parseVisitorId = parseCookieId;

export const visitorCookieOptions = () => siteCookieOptions(VISITOR_MAX_AGE_SECONDS);
