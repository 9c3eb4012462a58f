import { expect, pagesOf, test } from "./fixtures";

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
