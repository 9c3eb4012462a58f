import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { operatorHeaders } from "@/tests/support/operator";
import { getRequest, readJson } from "@/tests/support/routes";
import { GET } from "./route";

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

describe("GET /api/health", () => {
  it("answers 200 ok with the details to an operator when PostgreSQL and Redis answer", async () => {
    const response = await GET(getRequest("/api/health", { headers: operatorHeaders() }));
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      status: "ok",
      postgres: "up",
      redis: { state: "up", cache: "up" },
      cacheBreaker: "closed",
    });
  });

  it("answers anyone else the status alone", async () => {
    const response = await GET(getRequest("/api/health", { headers: { host: "shop.example" } }));
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: "ok" });
  });
});
