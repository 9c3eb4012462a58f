import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppServer } from "@/tests/support/app-server";
import { freePort } from "@/tests/support/ports";

// The test-support API against real standalone servers: one without TEST_SUPPORT_TOKEN (every path is the 404 of
// an unknown API path), one with it (its bearer only; any other request gets that same 404).

const TOKEN = randomBytes(32).toString("hex");
let off: AppServer;
let on: AppServer;

beforeAll(async () => {
  [off, on] = await Promise.all([
    // "" is unset, whatever this shell's TEST_SUPPORT_TOKEN is.
    AppServer.start("no test support", await freePort(), { TEST_SUPPORT_TOKEN: "" }),
    AppServer.start("test support", await freePort(), { TEST_SUPPORT_TOKEN: TOKEN }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([off?.stop(), on?.stop()]);
  await db.$disconnect();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every request the API serves, each with a valid body. */
const REQUESTS: { method: string; path: string; body?: unknown }[] = [
  { method: "GET", path: "/api/test-support/mail?to=a%40example.com" },
  { method: "POST", path: "/api/test-support/products", body: { stock: [3] } },
  { method: "PATCH", path: "/api/test-support/variants/NO-SUCH-SKU", body: { stock: 1 } },
  { method: "POST", path: "/api/test-support/sign-in-codes/expire", body: { email: "a@example.com" } },
  { method: "DELETE", path: "/api/test-support/products" },
  { method: "GET", path: "/api/test-support" },
];

async function send(origin: string, request: (typeof REQUESTS)[number], headers: Record<string, string> = {}) {
  const response = await fetch(origin + request.path, {
    method: request.method,
    headers: { "content-type": "application/json", ...headers },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  return { status: response.status, body: await response.text() };
}

describe("without TEST_SUPPORT_TOKEN", () => {
  it("answers every path and method with the 404 of an unknown API path, whatever the bearer", async () => {
    const unknown = await send(off.origin, { method: "GET", path: "/api/no-such-route" });
    expect(unknown.status).toBe(404);
    for (const request of REQUESTS) {
      for (const headers of [{}, bearer(TOKEN), bearer("")]) {
        const answer = await send(off.origin, request, headers);
        expect(answer, `${request.method} ${request.path}`).toEqual(unknown);
      }
    }
  });
});

describe("with TEST_SUPPORT_TOKEN", () => {
  it("refuses a missing or wrong bearer with the same 404, before reading the body", async () => {
    const unknown = await send(on.origin, { method: "GET", path: "/api/no-such-route" });
    const wrong: Record<string, string>[] = [
      {},
      bearer("wrong"),
      bearer(TOKEN.slice(1)),
      bearer(TOKEN.slice(0, -1)),
      bearer(TOKEN.slice(0, 1)),
      bearer(`${TOKEN}x`),
      bearer(TOKEN.toUpperCase()),
      bearer(`${TOKEN.slice(0, -1)}${TOKEN.endsWith("0") ? "1" : "0"}`),
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
      { "x-test-support-token": TOKEN },
    ];
    for (const request of REQUESTS) {
      for (const headers of wrong) {
        expect(
          await send(on.origin, request, headers),
          `${request.method} ${request.path} ${JSON.stringify(headers)}`,
        ).toEqual(unknown);
      }
    }
    // A body far over the limit, with a wrong bearer: still the 404, not a 413.
    const big = await fetch(`${on.origin}/api/test-support/products`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer("wrong") },
      body: JSON.stringify({ stock: [1], pad: "x".repeat(100_000) }),
    });
    expect(big.status).toBe(404);
  });

  it("serves its bearer: captured mail, a claimed product whose stock it sets, expiring codes", async () => {
    const auth = bearer(TOKEN);
    const mail = await send(on.origin, REQUESTS[0], auth);
    expect(mail.status).toBe(200);
    expect(JSON.parse(mail.body)).toEqual({ mails: [] });

    const claimed = await send(
      on.origin,
      { method: "POST", path: "/api/test-support/products", body: { stock: [4, 0] } },
      auth,
    );
    expect(claimed.status).toBe(201);
    const { product } = JSON.parse(claimed.body);
    expect(product.variants.slice(0, 2).map((v: { stock: number }) => v.stock)).toEqual([4, 0]);
    const publicView = await (await fetch(`${on.origin}/api/products/${product.slug}`)).json();
    expect(publicView.product.variants.slice(0, 2).map((v: { stock: number }) => v.stock)).toEqual([4, 0]);

    const sku = product.variants[0].sku;
    const changed = await send(
      on.origin,
      { method: "PATCH", path: `/api/test-support/variants/${sku}`, body: { stock: 1, priceCents: 1234 } },
      auth,
    );
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.body).product.variants[0]).toMatchObject({ sku, stock: 1, priceCents: 1234 });

    // A variant of a product nobody claimed is not test support's to change.
    const other = await db.variant.findFirstOrThrow({
      where: { productId: { not: product.id } },
      select: { sku: true },
    });
    const refused = await send(
      on.origin,
      { method: "PATCH", path: `/api/test-support/variants/${other.sku}`, body: { stock: 1 } },
      auth,
    );
    expect(refused.status).toBe(404);

    const expired = await send(on.origin, REQUESTS[3], auth);
    expect(JSON.parse(expired.body)).toEqual({ expired: 0 });
  });

  it("keeps bodies small and well formed: 413 over 2 KB, 400 for a bad shape", async () => {
    const auth = { "content-type": "application/json", ...bearer(TOKEN) };
    const big = await fetch(`${on.origin}/api/test-support/products`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ stock: [1], pad: "x".repeat(3_000) }),
    });
    expect(big.status).toBe(413);
    for (const body of ["not json", JSON.stringify({ stock: [] }), JSON.stringify({ stock: [-1] })]) {
      const response = await fetch(`${on.origin}/api/test-support/products`, { method: "POST", headers: auth, body });
      expect(response.status, body).toBe(400);
    }
    const mail = await fetch(`${on.origin}/api/test-support/mail?to=${randomUUID()}`, { headers: auth });
    expect(mail.status).toBe(400);
  });
});
