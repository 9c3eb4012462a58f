import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { authProviders } from "./providers";

const ids = (source: Record<string, string>) => authProviders(parseEnv(source)).map((provider) => provider.id);

describe("sign-in providers", () => {
  it("offers e-mail when mail can go out, and GitHub only with both of its variables", () => {
    expect(ids({ AUTH_DEV_MAILBOX: "1" })).toEqual(["email"]);
    expect(ids({ EMAIL_SERVER: "smtp://mail.example.com", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual([
      "email",
      "github",
    ]);
    expect(ids({ AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(ids({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual(["github"]);
  });

  it("e-mail codes are 6 digits", () => {
    const email = authProviders(parseEnv({ AUTH_DEV_MAILBOX: "1" }))[0] as { generateVerificationToken: () => string };
    const codes = Array.from({ length: 200 }, () => email.generateVerificationToken());
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});
