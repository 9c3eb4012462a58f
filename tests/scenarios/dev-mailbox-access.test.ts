import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";
import { notDirectRequests, rawRequest } from "@/tests/support/raw-http";

// Who reads the dev mailbox (on, as in every test: AUTH_DEV_MAILBOX=1 with HOST on loopback), against a
// a real standalone server: a request sent straight from this machine, never a DNS-rebinding page or a proxy.

let server: AppServer;

beforeAll(async () => {
  server = await AppServer.start("dev mailbox app", await freePort(), {});
}, 90_000);

afterAll(async () => {
  await server.stop();
});

const MAILBOX = "/api/dev/mailbox?to=a%40example.com";
const PAGE_TEXT = "sign-in mail lands here";

describe("the dev mailbox", () => {
  it("answers a direct local request, sent to 127.0.0.1, localhost or [::1]", async () => {
    const port = new URL(server.origin).port;
    expect((await fetch(server.origin + MAILBOX)).status).toBe(200);
    for (const host of [`localhost:${port}`, `[::1]:${port}`, "127.0.0.1"]) {
      const response = await rawRequest(server.origin, MAILBOX, { headers: { host } });
      expect(response.status, host).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ mails: [] });
    }
    const page = await rawRequest(server.origin, "/dev/mailbox?to=a%40example.com");
    expect(page.status).toBe(200);
    expect(page.body).toContain(PAGE_TEXT);
  });

  it("refuses a DNS-rebinding page and anything that came through a proxy: 403 JSON, 404 page", async () => {
    for (const [name, headers] of Object.entries(notDirectRequests(server.origin))) {
      const json = await rawRequest(server.origin, MAILBOX, { headers });
      expect(json.status, name).toBe(403);
      expect(JSON.parse(json.body).error.code).toBe("forbidden");
      const page = await rawRequest(server.origin, "/dev/mailbox?to=a%40example.com", { headers });
      expect(page.status, name).toBe(404);
      expect(page.body).not.toContain(PAGE_TEXT);
    }
  });
});
