import { describe, expect, it } from "vitest";
import { parseEnv } from "../../lib/env";
import { serverEnv } from "./serve";

describe("npm start's server environment", () => {
  it("never turns the test-support API on from a token in the shell alone", () => {
    const passed = serverEnv({ TEST_SUPPORT_TOKEN: "t".repeat(40), PORT: "3000" });
    expect(passed.PORT).toBe("3000");
    expect(parseEnv(passed).TEST_SUPPORT_TOKEN).toBeUndefined();
  });

  it("passes the token on when the command asks for the test-support API (--test-support)", () => {
    const token = "t".repeat(40);
    expect(parseEnv(serverEnv({ TEST_SUPPORT_TOKEN: token }, true)).TEST_SUPPORT_TOKEN).toBe(token);
  });
});
