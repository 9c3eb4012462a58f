import { expectAccessible } from "./accessibility";
import { testEnv } from "../scripts/run/test-env";
import { AppServer } from "../tests/support/app-server";
import { freePort } from "../tests/support/ports";
import { expect, test } from "./fixtures";
import { addToCart, placeOrder, signIn, uniqueEmail, variantWithStock } from "./helpers";

test("the catalog's pages pass axe (WCAG 2.2 AA)", async ({ page }) => {
  for (const [what, path] of [
    ["home", "/"],
    ["all products", "/products"],
    ["a category", "/categories/kitchen"],
    ["search results", "/products?q=mug"],
    ["search without hits", "/products?q=zzzzqqqq"],
    ["the 404 page", "/products/no-such-product"],
  ]) {
    await page.goto(path);
    await expectAccessible(page, what);
  }
  const inStock = await variantWithStock(page, "kitchen", 3, 99);
  await page.goto(`/products/${inStock.slug}?variant=${inStock.sku}`);
  await expectAccessible(page, "a product page (in stock)");
  const soldOut = await variantWithStock(page, "kitchen", 0, 0).catch(() => variantWithStock(page, "socks", 0, 0));
  await page.goto(`/products/${soldOut.slug}?variant=${soldOut.sku}`);
  await expect(page.getByTestId("stock-status")).toHaveText("Out of stock");
  await expectAccessible(page, "a product page (sold out)");
});

test("the shopper's pages pass axe: cart, sign-in, account, checkout, order", async ({ page }) => {
  await page.goto("/cart");
  await expectAccessible(page, "the empty cart");
  await page.goto("/signin");
  await expectAccessible(page, "sign-in");
  await page.goto("/signin?error=Verification");
  await expectAccessible(page, "sign-in with an error");

  const variant = await variantWithStock(page, "socks", 3, 99);
  await addToCart(page, variant.slug, variant.sku);
  await page.goto("/cart");
  await expectAccessible(page, "the cart with lines");

  await signIn(page, uniqueEmail("a11y"));
  await expectAccessible(page, "the account page");

  await placeOrder(page, { card: "1234" });
  await expect(page.getByRole("alert").filter({ hasText: /card/i })).toBeVisible();
  await expectAccessible(page, "checkout with validation errors");
  await placeOrder(page);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expectAccessible(page, "an order confirmation");
});

test("the error page passes axe: a store whose database is unreachable", async ({ page }) => {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const database = new URL(testEnv().DATABASE_URL);
  database.port = String(await freePort());
  const broken = await AppServer.start(
    "a store without its database",
    port,
    // Its own cache namespace (empty), so every page must read PostgreSQL, and fails.
    { DATABASE_URL: database.toString(), REDIS_KEY_PREFIX: "brisk-e2e-no-db:", AUTH_URL: origin },
    (health) => health.status === 503,
  );
  try {
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
    await expectAccessible(page, "the error page");
  } finally {
    await broken.stop();
  }
});
