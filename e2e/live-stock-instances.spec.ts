import { AppServer } from "../tests/support/app-server";
import { freePort } from "../tests/support/ports";
import { ThrowawayRedis } from "../tests/support/redis-server";
import { e2eServerEnv } from "../scripts/run/test-env";
import { expect, pagesOf, test, type Shop } from "./fixtures";
import { TestSupport } from "./support/test-support";

// Live stock across instances: two standalone servers of the built app (A and B) share the test database and a
// Redis of this file's own (state, cache and the stock channel), which the test kills and starts again.
// Like the outage tests it needs servers the suite starts itself: left out against a deployment (BASE_URL).

test.describe.configure({ mode: "serial" });

let redis: ThrowawayRedis;
const instances: { server: AppServer; origin: string; support: TestSupport }[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await ThrowawayRedis.start();
  for (const name of ["A", "B"]) {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const server = await AppServer.start(`live stock instance ${name}`, port, {
      ...e2eServerEnv(),
      REDIS_URL: redis.url,
      CACHE_REDIS_URL: redis.url,
      AUTH_URL: origin,
      PORT: String(port),
    });
    instances.push({ server, origin, support: await TestSupport.connect(origin) });
  }
});

test.afterAll(async () => {
  for (const { server, support } of instances) {
    await support.dispose();
    await server.stop();
  }
  await redis?.destroy();
});

test("a checkout in browser A shows in browser B, on another instance, within 2 s; a Redis restart leaves B right", async ({
  browser,
  productWithStock,
  testSupport,
}) => {
  const claimed = await productWithStock([5]);
  const variant = claimed.variants[0];
  const [a, b] = instances;
  const open = async (instance: (typeof instances)[number]): Promise<Shop> => {
    const context = await browser.newContext({ baseURL: instance.origin });
    return pagesOf(await context.newPage(), instance.support);
  };
  const [shopperA, shopperB] = [await open(a), await open(b)];
  const buyThroughA = async (quantity: number) => {
    const added = await shopperA.page.request.post("/api/cart/items", { data: { variantId: variant.id, quantity } });
    expect(added.ok()).toBe(true);
    await shopperA.checkout.placeOrder({ email: "live-stock-instances@example.com" });
    await shopperA.order.expectPaid();
  };

  await shopperB.product.open(claimed.slug, variant.sku);
  await expect(shopperB.product.stock).toHaveText("Only 5 left");
  await buyThroughA(1);
  await expect(shopperB.product.stock).toHaveText("Only 4 left", { timeout: 2_000 });

  // Redis dies; meanwhile the stock changes through a server on another Redis (the suite's), so nothing this
  // Redis carries could tell B. Once Redis is back, B reads the stock again and shows what is true.
  await redis.kill();
  await testSupport.changeVariant(variant.sku, { stock: 3 });
  await redis.restart();
  await expect(shopperB.product.stock).toHaveText("Only 3 left", { timeout: 10_000 });

  // And the channel carries checkouts again: A's next sale reaches B within 2 s (once A's own connection to
  // Redis is back: until then its cart answers 503).
  await expect.poll(async () => (await shopperA.page.request.get("/api/cart")).status(), { timeout: 10_000 }).toBe(200);
  await buyThroughA(2);
  await expect(shopperB.product.stock).toHaveText("Only 1 left", { timeout: 2_000 });
  await expect(shopperB.product.addButton).toBeEnabled();
  await buyThroughA(1);
  await expect(shopperB.product.stock).toHaveText("Out of stock", { timeout: 2_000 });
  await expect(shopperB.product.soldOutButton).toBeDisabled();
  await Promise.all([shopperA.page.context().close(), shopperB.page.context().close()]);
});
