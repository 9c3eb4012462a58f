import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { freshVariant } from "@/tests/support/checkout-fixtures";
import { readJson } from "@/tests/support/routes";
import { POST } from "./route";

// Asking for back-in-stock alerts through the route, on the test database and Redis.
let soldOut: { id: number };
let inStock: { id: number };

beforeAll(async () => {
  soldOut = await freshVariant(0);
  inStock = await freshVariant(4);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

const ask = (body: unknown) =>
  POST(
    new NextRequest("http://localhost:3000/api/stock-alerts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const email = () => `ask-${randomUUID()}@example.com`;

describe("POST /api/stock-alerts", () => {
  it("answers the same for a first and a repeated ask, and keeps one alert", async () => {
    const to = email();
    for (let i = 0; i < 2; i++) {
      const response = await ask({ variantId: soldOut.id, email: to.toUpperCase() });
      expect(response.status).toBe(200);
      expect(await readJson(response)).toEqual({ subscribed: true });
    }
    expect(await db.stockAlert.count({ where: { variantId: soldOut.id, email: to } })).toBe(1);
  });

  it("refuses bad input, a guest without an address, variants in stock or unknown, and changes nothing", async () => {
    const to = email();
    const cases: [unknown, number, string][] = [
      ["{", 400, "invalid_input"],
      [{ variantId: "1", email: to }, 400, "invalid_input"],
      [{ variantId: soldOut.id }, 400, "invalid_input"],
      [{ variantId: soldOut.id, email: "not an address" }, 400, "invalid_input"],
      [{ variantId: soldOut.id, email: to, extra: true }, 400, "invalid_input"],
      [{ variantId: inStock.id, email: to }, 409, "in_stock"],
      [{ variantId: 2_000_000_000, email: to }, 404, "not_found"],
    ];
    for (const [body, status, code] of cases) {
      const response = await ask(body);
      expect(response.status).toBe(status);
      expect(await readJson(response)).toEqual({ error: { code, message: expect.any(String) } });
    }
    expect(await db.stockAlert.count({ where: { email: to } })).toBe(0);
  });

  it("allows an address 5 asks an hour, then answers 429 with Retry-After", async () => {
    const to = email();
    for (let i = 0; i < 5; i++) expect((await ask({ variantId: soldOut.id, email: to })).status).toBe(200);
    const limited = await ask({ variantId: soldOut.id, email: to });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await readJson<{ error: { code: string } }>(limited)).error.code).toBe("rate_limited");
  });
});
