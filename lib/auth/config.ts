import { randomInt } from "node:crypto";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import { env } from "../env";
import { briskAdapter } from "./adapter";
import { CODE_LIFETIME_MS } from "./code-store";
import {
  SESSION_MAX_AGE_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
  secureCookies,
  sessionCookieName,
  sessionCookieOptions,
} from "./cookies";
import { mailDelivery } from "./mail-delivery";
import { mergeGuestCartOnSignIn } from "./merge-on-sign-in";
import { sendMail } from "./send-mail";
import { signInLink, signInMail } from "./sign-in-mail";

/**
 * Auth.js: database sessions through Brisk's adapter, sign-in by a 6-digit code or magic link in one mail,
 * GitHub when configured. Built lazily (at the first request), so reading the environment never happens at
 * build time. Signing in merges the guest cart into the user's.
 */

function emailProvider() {
  return {
    id: "email",
    type: "email" as const,
    name: "Email",
    from: env.EMAIL_FROM,
    maxAge: CODE_LIFETIME_MS / 1000,
    options: {},
    generateVerificationToken: () => String(randomInt(0, 1_000_000)).padStart(6, "0"),
    sendVerificationRequest: async ({ identifier, url, token }: { identifier: string; url: string; token: string }) =>
      sendMail(signInMail(identifier, token, signInLink(url))),
  };
}

export const githubConfigured = () => Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);

function authConfig(): NextAuthConfig {
  return {
    adapter: briskAdapter(),
    secret: env.AUTH_SECRET,
    basePath: "/api/auth",
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    useSecureCookies: secureCookies(),
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    providers: [
      ...(mailDelivery().kind === "off" ? [] : [emailProvider()]),
      ...(githubConfigured() ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
    ],
    pages: { signIn: "/signin", verifyRequest: "/signin", error: "/signin" },
    events: {
      signIn: async ({ user }) => {
        if (user.id) await mergeGuestCartOnSignIn(user.id);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => authConfig());
