import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Signs in on /signin with the code from the dev mailbox, as a shopper would; lands on `landing`. */
export async function signIn(page: Page, email: string, landing = /\/account$/) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in code" }).click();
  const codeField = page.getByLabel(/The 6-digit code we sent/);
  await expect(codeField).toBeVisible();
  const { mails } = await (await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
  const code = /code is (\d{6})/.exec(mails[0].text)![1];
  await codeField.fill(code);
  await codeField.press("Enter");
  await expect(page).toHaveURL(landing);
}

export const uniqueEmail = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** A product variant whose stock is within [min, max], found through the JSON API (category by category). */
export async function variantWithStock(page: Page, category: string, min: number, max: number) {
  const { products } = await (await page.request.get(`/api/products?category=${category}&pageSize=100`)).json();
  for (const { slug } of products) {
    const { product } = await (await page.request.get(`/api/products/${slug}`)).json();
    const variant = product.variants.find((v: { stock: number }) => v.stock >= min && v.stock <= max);
    if (variant) {
      return {
        slug: product.slug as string,
        name: product.name as string,
        sku: variant.sku as string,
        stock: variant.stock as number,
      };
    }
  }
  throw new Error(`no ${category} variant with stock in [${min}, ${max}]`);
}

/** Adds the variant on its product page and waits until the server confirmed it. */
export async function addToCart(page: Page, slug: string, sku: string) {
  await page.goto(`/products/${slug}?variant=${sku}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
}

/** Fills the checkout form (the e-mail only when given) and places the order. */
export async function placeOrder(page: Page, options: { email?: string; card?: string } = {}) {
  await page.goto("/checkout");
  if (options.email) await page.getByLabel("E-mail").fill(options.email);
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Address", { exact: true }).fill("1 Harbour Street");
  await page.getByLabel("City").fill("Arlington");
  await page.getByLabel("Postal code").fill("22201");
  await page.getByLabel("Country (2-letter code)").fill("US");
  await page.getByLabel("Card number").fill(options.card ?? "4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Place order" }).click();
}
