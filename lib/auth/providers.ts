import GitHub from "next-auth/providers/github";
import { env, type Env } from "../env";
import { CODE_LIFETIME_MS } from "./code-store";
import { mailDelivery } from "../mail/delivery";
import { sendMail } from "../mail/send";
import { newOneTimeCode } from "./one-time-code";
import { currentBrowserNonce } from "./sign-in-browser";
import { signInLink, signInMail } from "./sign-in-mail";

/**
 * How shoppers can sign in: by e-mail (a 6-digit code and a magic link in one mail) unless mail is off,
 * and with GitHub when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET are both set.
 */

function emailProvider(source: Env) {
  return {
    id: "email",
    type: "email" as const,
    name: "Email",
    from: source.EMAIL_FROM,
    maxAge: CODE_LIFETIME_MS / 1000,
    options: {},
    generateVerificationToken: newOneTimeCode,
    sendVerificationRequest: async ({ identifier, url, token }: { identifier: string; url: string; token: string }) =>
      sendMail(signInMail(identifier, token, signInLink(url, currentBrowserNonce()))),
  };
}

export const githubConfigured = (source: Env = env) => Boolean(source.AUTH_GITHUB_ID && source.AUTH_GITHUB_SECRET);

export function authProviders(source: Env = env) {
  return [
    ...(mailDelivery(source).kind === "off" ? [] : [emailProvider(source)]),
    ...(githubConfigured(source)
      ? [GitHub({ clientId: source.AUTH_GITHUB_ID, clientSecret: source.AUTH_GITHUB_SECRET })]
      : []),
  ];
}
