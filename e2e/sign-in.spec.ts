import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import Redis from "ioredis";
import { scanKeys } from "../lib/redis/scan";
import { TEST_KEY_PREFIX, testEnv } from "../scripts/run/test-env";
import { signIn, uniqueEmail } from "./helpers";

/** A product with a variant in stock, found through the JSON API. */
async function productInStock(page: Page) {
  const { products } = await (await page.request.get("/api/products?category=kitchen&pageSize=50")).json();
  for (const { slug } of products) {
    const { product } = await (await page.request.get(`/api/products/${slug}`)).json();
    const variant = product.variants.find((v: { stock: number }) => v.stock >= 5);
    if (variant) return { slug: product.slug as string, sku: variant.sku as string, name: product.name as string };
  }
  throw new Error("no kitchen product in stock");
}

test("a guest's cart merges on sign-in, follows the user to a second browser, and sign out everywhere ends both", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("e2e");
  const product = await productInStock(page);
  const count = page.getByTestId("cart-count");

  await page.goto(`/products/${product.slug}?variant=${product.sku}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  await expect(count).toHaveText("1");

  await signIn(page, email);
  await expect(page.getByTestId("account-link")).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-line").first()).toContainText(product.name);
  await expect(count).toHaveText("1");
  expect((await page.context().cookies()).some((cookie) => cookie.name === "brisk_cart")).toBe(false);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await otherPage.goto("/cart");
  await expect(otherPage.getByTestId("cart-line")).toHaveCount(1);
  await expect(otherPage.getByTestId("cart-count")).toHaveText("1");
  const { user, sessions } = await (await otherPage.request.get("/api/account")).json();
  expect(sessions).toHaveLength(2);

  await page.goto("/account");
  await expect(page.getByTestId("session")).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/signin/);
  await expect(otherPage.getByRole("link", { name: "Sign in" })).toBeVisible();

  const redis = new Redis(testEnv().REDIS_URL, { lazyConnect: true });
  try {
    await redis.connect();
    expect(await scanKeys(redis, `${TEST_KEY_PREFIX}sess:{u:${user.id}}*`)).toEqual([]);
  } finally {
    redis.disconnect();
  }
  await other.close();
});
