import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { readJson } from "@/tests/support/routes";
import { GET } from "./route";

const get = (search: string) => GET(new NextRequest(`http://localhost:3000/api/products${search}`));

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("GET /api/products", () => {
  it("answers a page of products in the list shape", async () => {
    const response = await get("?pageSize=5&sort=price-asc&category=tees");
    expect(response.status).toBe(200);
    const body = await readJson<{ products: Record<string, unknown>[]; page: number; pageSize: number; total: number }>(
      response,
    );
    expect(body).toMatchObject({ page: 1, pageSize: 5, total: expect.any(Number) });
    expect(body.products).toHaveLength(5);
    expect(Object.keys(body.products[0]).sort()).toEqual([
      "currency",
      "id",
      "image",
      "inStock",
      "minPriceCents",
      "name",
      "slug",
    ]);
  });

  it.each([
    ["?page=-1", "page"],
    ["?page=abc", "page"],
    ["?pageSize=100000", "pageSize"],
    ["?sort=bogus", "sort"],
    [`?q=${"a".repeat(201)}`, "q"],
  ])("answers 400 invalid_input for %s", async (search, field) => {
    const response = await get(search);
    expect(response.status).toBe(400);
    const body = await readJson<{ error: { code: string; message: string } }>(response);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toContain(field);
  });
});
