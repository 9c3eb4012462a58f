import NextAuth, { type NextAuthConfig } from "next-auth";
import { env } from "../env";
import { briskAdapter } from "./adapter";
import {
  SESSION_MAX_AGE_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  secureCookies,
  sessionCookieName,
  sessionCookieOptions,
} from "./cookies";
import { mergeGuestCartOnSignIn } from "./merge-on-sign-in";
import { authProviders } from "./providers";

/**
 * Auth.js: database sessions through Brisk's adapter, sign-in by a 6-digit code or magic link in one mail,
 * GitHub when configured. Built lazily (at the first request), so reading the environment never happens at
 * build time. Signing in merges the guest cart into the user's.
 */

function authConfig(): NextAuthConfig {
  return {
    adapter: briskAdapter(),
    secret: env.AUTH_SECRET,
    basePath: "/api/auth",
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    useSecureCookies: secureCookies(),
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    providers: authProviders(),
    pages: { signIn: "/signin", verifyRequest: "/signin", error: "/signin" },
    events: {
      signIn: async ({ user }) => {
        if (user.id) await mergeGuestCartOnSignIn(user.id);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => authConfig());
