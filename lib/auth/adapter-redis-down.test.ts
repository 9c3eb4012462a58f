import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/ports";

// The state Redis is unreachable (nothing listens on its port). The adapter must throw, never answer
// "no session": Auth.js clears the session cookie on null, which would sign everyone out during a blip.
let modules: {
  adapter: typeof import("./adapter");
  state: typeof import("../redis/state");
  clients: typeof import("../redis/clients");
  db: typeof import("../db");
};

beforeAll(async () => {
  process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
  modules = {
    adapter: await import("./adapter"),
    state: await import("../redis/state"),
    clients: await import("../redis/clients"),
    db: await import("../db"),
  };
});

afterAll(async () => {
  await Promise.all([modules.clients.closeRedisClients(), modules.db.db.$disconnect()]);
});

describe("the adapter with Redis down", () => {
  it("throws StateUnavailableError for session and code lookups instead of answering null", async () => {
    const adapter = modules.adapter.briskAdapter();
    const token = `someuser.${"a".repeat(43)}`;
    const started = Date.now();
    await expect(adapter.getSessionAndUser!(token)).rejects.toBeInstanceOf(modules.state.StateUnavailableError);
    await expect(adapter.updateSession!({ sessionToken: token, expires: new Date() })).rejects.toBeInstanceOf(
      modules.state.StateUnavailableError,
    );
    await expect(adapter.useVerificationToken!({ identifier: "a@example.com", token: "x" })).rejects.toBeInstanceOf(
      modules.state.StateUnavailableError,
    );
    // Generous: only a hang (retries, an offline queue) would take this long.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
