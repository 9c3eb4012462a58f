import { describe, expect, it } from "vitest";
import { parseEnv } from "../../lib/env";
import { serverEnv } from "./serve";

describe("npm start's server environment", () => {
  it("never turns the test-support API on, whatever the shell holds", () => {
    const passed = serverEnv({ TEST_SUPPORT_TOKEN: "t".repeat(40), PORT: "3000" });
    expect(passed.PORT).toBe("3000");
    expect(parseEnv(passed).TEST_SUPPORT_TOKEN).toBeUndefined();
  });
});
