import { expect, pagesOf, test } from "./fixtures";
import { uniqueEmail } from "./support/test-support";

test("a product page open in one browser follows a checkout in another without a reload @smoke", async ({
  shop,
  browser,
  testSupport,
  productWithStock,
}) => {
  const claimed = await productWithStock([3]);
  const variant = claimed.variants[0];
  await shop.product.open(claimed.slug, variant.sku);
  await expect(shop.product.stock).toHaveText("Only 3 left");

  // Another shopper, in a browser of their own, buys one, then the last two.
  const other = await browser.newContext();
  const buyer = pagesOf(await other.newPage(), testSupport);
  const buy = async (quantity: number) => {
    const added = await buyer.page.request.post("/api/cart/items", { data: { variantId: variant.id, quantity } });
    expect(added.ok()).toBe(true);
    await buyer.checkout.placeOrder({ email: "live-stock@example.com" });
    await buyer.order.expectPaid();
  };
  await buy(1);
  await expect(shop.product.stock).toHaveText("Only 2 left", { timeout: 2_000 });

  await buy(2);
  await expect(shop.product.stock).toHaveText("Out of stock", { timeout: 2_000 });
  await expect(shop.product.soldOutButton).toBeDisabled();
  await other.close();
});

test("a guest asks to hear when a sold-out variant is back, and stops it from the mail's link without signing in", async ({
  shop,
  testSupport,
  productWithStock,
}) => {
  const claimed = await productWithStock([0]);
  const { page, product } = shop;
  await product.open(claimed.slug, claimed.variants[0].sku);
  await expect(product.soldOutButton).toBeDisabled();
  const email = uniqueEmail("restock");
  const alert = page.getByRole("form", { name: "Back-in-stock alert" });
  await alert.getByLabel("E-mail me when it is back").fill(email);
  await alert.getByRole("button", { name: "Notify me" }).click();
  await expect(page.getByText("We will e-mail you once when it is back in stock.")).toBeVisible();

  const mail = await testSupport.nextMail(email, 0);
  expect(mail.subject).toBe(`We will tell you when ${claimed.name} is back`);
  await page.goto(/(https?:\/\/\S+)/.exec(mail.text)![1]);
  await page.getByRole("button", { name: "Stop the alert" }).click();
  await expect(page.getByText("Stopped. You will get no mail about it.")).toBeVisible();
});
