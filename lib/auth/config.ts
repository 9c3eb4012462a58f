import NextAuth, { type NextAuthConfig } from "next-auth";
import { env } from "../env";
import { secureCookies } from "../http/cookies";
import { briskAdapter } from "./adapter";
import {
  SESSION_MAX_AGE_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
} from "./cookies";
import { authProviders } from "./providers";

/**
 * Auth.js: database sessions through Brisk's adapter, sign-in by a 6-digit code or magic link in one mail,
 * GitHub when configured. Built lazily (at the first request), so reading the environment never happens at
 * build time. Auth knows no other domain: what else happens on sign-in (the guest cart's merge) comes in as
 * a hook, wired in lib/shop/auth.ts.
 */

export interface AuthHooks {
  /** After a user signed in, with the request's cookies at hand; its failure must not fail the sign-in. */
  onSignIn(userId: string): Promise<void>;
}

function authConfig(hooks: AuthHooks): NextAuthConfig {
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
        if (user.id) await hooks.onSignIn(user.id);
      },
    },
  };
}

export function createAuth(hooks: AuthHooks) {
  return NextAuth(() => authConfig(hooks));
}
