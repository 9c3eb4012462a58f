import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { isLoopbackHost } from "../http/loopback";
import { mailDelivery } from "./delivery";

describe("where sign-in mail goes", () => {
  it("SMTP when EMAIL_SERVER is set", () => {
    expect(mailDelivery(parseEnv({ EMAIL_SERVER: "smtp://mail.example.com:587" })).kind).toBe("smtp");
  });

  it("the dev mailbox only when asked for and the server binds to loopback", () => {
    for (const HOST of ["127.0.0.1", "localhost", "::1", "127.0.0.2"]) {
      expect(mailDelivery(parseEnv({ AUTH_DEV_MAILBOX: "1", HOST })).kind).toBe("dev-mailbox");
    }
  });

  it("cannot be turned on when the server binds beyond loopback: e-mail sign-in is off, saying why", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20", "shop.example.com"]) {
      const delivery = mailDelivery(parseEnv({ AUTH_DEV_MAILBOX: "1", HOST }));
      expect(delivery).toEqual({ kind: "off", reason: expect.stringContaining(`binds to ${HOST}, beyond loopback`) });
    }
  });

  it("off, saying what to set, with neither", () => {
    expect(mailDelivery(parseEnv({}))).toEqual({ kind: "off", reason: expect.stringContaining("EMAIL_SERVER") });
  });

  it("only to the test-support capture on a test server beyond loopback without SMTP (TEST_SUPPORT_TOKEN)", () => {
    const TEST_SUPPORT_TOKEN = "t".repeat(32);
    expect(mailDelivery(parseEnv({ TEST_SUPPORT_TOKEN, HOST: "0.0.0.0" })).kind).toBe("test-support");
    // SMTP and the dev mailbox keep their place; the token only adds a copy (send.ts).
    expect(mailDelivery(parseEnv({ TEST_SUPPORT_TOKEN, EMAIL_SERVER: "smtp://mail.example.com" })).kind).toBe("smtp");
    expect(mailDelivery(parseEnv({ TEST_SUPPORT_TOKEN, AUTH_DEV_MAILBOX: "1" })).kind).toBe("dev-mailbox");
  });

  it("knows loopback addresses", () => {
    expect(["::ffff:127.0.0.1", "[::1]", "127.8.9.10"].every(isLoopbackHost)).toBe(true);
    expect(["10.0.0.1", "0.0.0.0", "::", "localhost.example.com"].some(isLoopbackHost)).toBe(false);
  });
});
