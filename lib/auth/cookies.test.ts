import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { sessionCookieName, sessionCookieOptions } from "./cookies";

describe("the session cookie", () => {
  it("is httpOnly and SameSite=Lax; Secure with the __Secure- prefix only when AUTH_URL is https", () => {
    const http = parseEnv({ AUTH_URL: "http://localhost:3000" });
    const https = parseEnv({ AUTH_URL: "https://shop.example.com" });
    expect(sessionCookieOptions(http)).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    expect(sessionCookieName(http)).toBe("authjs.session-token");
    expect(sessionCookieOptions(https)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    expect(sessionCookieName(https)).toBe("__Secure-authjs.session-token");
  });
});
