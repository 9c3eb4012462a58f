import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { operatorHeaders } from "@/tests/support/operator";
import { getRequest, routeContext } from "@/tests/support/routes";
import { GET as getProduct } from "../products/[slug]/route";
import { GET } from "./route";

const scrape = () => GET(getRequest("/api/metrics", { headers: operatorHeaders() }));

afterAll(async () => {
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

/** The value of one sample line, e.g. `brisk_cache_requests_total{result="hit"} 3`. */
async function sample(name: string): Promise<number> {
  const text = await (await scrape()).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("GET /api/metrics", () => {
  it("serves Prometheus text with the cache's counters", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      "brisk_cache_requests_total",
      "brisk_cache_loads_total",
      "brisk_cache_load_duration_seconds",
      "brisk_cache_l1_hits_total",
      "brisk_cache_breaker_open",
      "brisk_db_queries_total",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it("counts what the product API did: a miss, a load, then hits", async () => {
    const { slug } = await db.product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { id: "desc" } });
    const read = () => getProduct(getRequest(`/api/products/${slug}`), routeContext({ slug }));
    const before = {
      miss: await sample('brisk_cache_requests_total{result="miss"}'),
      hit: await sample('brisk_cache_requests_total{result="hit"}'),
      loads: await sample('brisk_cache_loads_total{outcome="ok"}'),
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await read()).headers.get("x-cache"));
    const misses = statuses.filter((s) => s === "MISS").length;
    const hits = statuses.filter((s) => s === "HIT").length;
    expect(hits).toBeGreaterThanOrEqual(2);
    expect(await sample('brisk_cache_requests_total{result="miss"}')).toBe(before.miss + misses);
    expect(await sample('brisk_cache_requests_total{result="hit"}')).toBe(before.hit + hits);
    expect(await sample('brisk_cache_loads_total{outcome="ok"}')).toBe(before.loads + misses);
  });
});
