import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";

// A flood of sign-in requests across many addresses meets the site-wide limit (set low here).
const GLOBAL_LIMIT = 4;
let server: AppServer;

beforeAll(async () => {
  server = await AppServer.start("flood app", await freePort(), { SIGNIN_GLOBAL_PER_MINUTE: String(GLOBAL_LIMIT) });
}, 90_000);

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

describe("a flood of sign-in requests", () => {
  it("is refused with 429 rate_limited once the site-wide limit is reached, for any new address", async () => {
    const client = new BrowserClient(server.origin);
    // The limit counts per clock minute: start clear of a window's end, so the flood meets one window.
    const untilNextMinute = 60_000 - (Date.now() % 60_000);
    if (untilNextMinute < 5_000) await new Promise((resolve) => setTimeout(resolve, untilNextMinute + 50));
    const statuses: number[] = [];
    // Other test files may have counted toward this minute's window already: the limit comes no later.
    for (let i = 0; i <= GLOBAL_LIMIT; i++)
      statuses.push((await client.requestCode(`flood-${randomUUID()}@example.com`)).status);
    expect(statuses.at(-1)).toBe(429);
    const refused = await client.requestCode(`flood-${randomUUID()}@example.com`);
    expect(refused.status).toBe(429);
    const body = await refused.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/busy/);
  });
});
