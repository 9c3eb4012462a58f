import Redis from "ioredis";
import { AppServer } from "../tests/support/app-server";
import { freePort } from "../tests/support/ports";
import { ThrowawayRedis } from "../tests/support/redis-server";
import { e2eServerEnv } from "../scripts/run/test-env";
import { expect, pagesOf, test } from "./fixtures";
import { TcpProxy } from "./support/tcp-proxy";
import { TestSupport, uniqueEmail } from "./support/test-support";

// A second standalone server of the built app whose state Redis (a throwaway redis-server) and PostgreSQL (through a
// proxy the test can cut) belong to this file alone. It needs a server the suite starts itself: against a
// deployment (BASE_URL), playwright.config.ts leaves this file out.

test.describe.configure({ mode: "serial" });

let redis: ThrowawayRedis;
let postgres: TcpProxy;
let server: AppServer;
let origin: string;
let support: TestSupport;

test.beforeAll(async () => {
  const env = e2eServerEnv();
  const database = new URL(env.DATABASE_URL);
  redis = await ThrowawayRedis.start();
  // Every write reaches the disk at once: a killed Redis comes back with the carts it had.
  const admin = new Redis(redis.url);
  await admin.config("SET", "appendfsync", "always");
  admin.disconnect();
  postgres = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
  database.host = `127.0.0.1:${postgres.port}`;
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = await AppServer.start("outage app", port, {
    ...env,
    DATABASE_URL: database.toString(),
    REDIS_URL: redis.url,
    CACHE_REDIS_URL: redis.url,
    AUTH_URL: origin,
    PORT: String(port),
  });
  support = await TestSupport.connect(origin);
  // The outages below start from a server that has answered once (a cold server loads its routes first).
  await expect
    .poll(
      async () =>
        await support.mails("warm-up@example.com").then(
          () => "ok",
          (error: Error) => error.message,
        ),
      {
        message: "the outage server's first Redis read",
        timeout: 30_000,
      },
    )
    .toBe("ok");
});

test.afterAll(async () => {
  await support?.dispose();
  await server?.stop();
  await redis?.destroy();
  await postgres?.cut();
});

test("with the state Redis down, the header, cart, checkout and adding say 'briefly unavailable'; nothing is lost", async ({
  browser,
  productWithStock,
}) => {
  const claimed = await productWithStock([5]);
  const variant = claimed.variants[0];
  const context = await browser.newContext({ baseURL: origin });
  const shop = pagesOf(await context.newPage(), support);
  const { signIn, product, header, cart, checkout, page } = shop;

  await signIn.signIn(uniqueEmail("outage"));
  await product.open(claimed.slug, variant.sku);
  await product.addToCart();
  await expect(header.cartCount).toHaveText("1");

  await redis.kill();
  await cart.open();
  await expect(cart.unavailable).toBeVisible();
  await expect(header.signInUnavailable).toBeVisible();
  await checkout.open();
  await expect(checkout.unavailable).toBeVisible();
  // The catalog keeps working (from PostgreSQL); adding to the cart says it is briefly unavailable.
  await product.open(claimed.slug, variant.sku);
  await expect(product.heading).toHaveText(claimed.name);
  await product.addButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Your cart is briefly unavailable" })).toBeVisible();

  await redis.restart();
  await expect(async () => {
    await cart.open();
    await expect(cart.lines).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(cart.unavailable).toHaveCount(0);
  await header.expectSignedIn();
  await expect(header.cartCount).toHaveText("1");
  await context.close();
});

test("with PostgreSQL gone, a page that needs it shows the error page, and 'Try again' works once it is back", async ({
  browser,
  request,
}) => {
  // A product this server has never loaded, so nothing of it is cached.
  const { products } = await (await request.get("/api/products?category=hats&sort=name&pageSize=5")).json();
  const slug = products[products.length - 1].slug as string;
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();

  await postgres.cut();
  // The product API's answer likewise: a 503 in the error shape, which the route cache does not keep.
  const api = `${origin}/api/products/${slug}`;
  const unavailable = await request.get(api);
  expect(unavailable.status()).toBe(503);
  expect((await unavailable.json()).error.code).toBe("unavailable");
  await page.goto(`/products/${slug}`);
  const error = page.getByRole("alert").filter({ hasText: "Something went wrong on our side" });
  await expect(error).toBeVisible();
  await expect(page.getByText("Please try again in a moment.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|at .*\.ts|PrismaClient/);

  await postgres.restore();
  await expect(async () => {
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Something went wrong on our side", {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect.poll(async () => (await request.get(api)).status(), { timeout: 10_000 }).toBe(200);
  await context.close();
});
