import { expect, pagesOf, test } from "./fixtures";
import { DECLINED_CARD, TEST_CARD } from "./pages/checkout";
import { stockText } from "./pages/product";
import { dollars } from "./support/money";
import { orderLinkIn, uniqueEmail } from "./support/test-support";

// Checkout is where the phone layout differs most (one column, the summary below): these run on both (@mobile).

test("a signed-in shopper checks out with the test card, sees the order in their account and the lower stock @mobile", async ({
  signedIn,
  productWithStock,
}) => {
  const { header, listing, product, checkout, order, account, page } = signedIn;
  const claimed = await productWithStock([3]);
  const variant = claimed.variants[0];
  // Browse to it: search, then the result.
  await page.goto("/");
  await header.search(claimed.name);
  await listing.openProduct(claimed.name);
  await product.open(claimed.slug, variant.sku);
  await product.addToCart();

  await checkout.open();
  await expect(checkout.email).toHaveValue(signedIn.email);
  await checkout.fillAddress();
  await checkout.fillCard();
  await checkout.submit();
  const number = await order.expectPaid();
  await expect(header.cartCount).toHaveText("0");

  await account.openOrders();
  await expect(account.orders.filter({ hasText: number })).toBeVisible();

  await product.open(claimed.slug, variant.sku);
  await expect(product.stock).toHaveText(stockText(variant.stock - 1));
});

test("a guest is declined, then pays with the test card, and opens the order from the mailed link; others get 404 @mobile @smoke", async ({
  cartWithLines,
  browser,
  testSupport,
}) => {
  const { checkout, order, page } = cartWithLines;
  const email = uniqueEmail("guest");

  await checkout.placeOrder({ email, card: DECLINED_CARD });
  await expect(checkout.error).toContainText("declined");
  // The address is kept, the card is not; the page minted a new token, so another card goes through.
  await expect(page.getByLabel("City")).toHaveValue("Arlington");
  await expect(page.getByLabel("Card number")).toHaveValue("");
  await checkout.fillCard(TEST_CARD);
  await checkout.submit();
  await order.expectPaid();
  const url = new URL(page.url());

  const link = orderLinkIn(await testSupport.nextMail(email, 0));
  const mailed = await browser.newContext();
  const mailedPage = pagesOf(await mailed.newPage(), testSupport);
  await mailedPage.page.goto(link);
  await expect(mailedPage.order.status).toHaveText("Paid");

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(url.pathname);
  expect(response?.status()).toBe(404);
  await Promise.all([mailed.close(), stranger.close()]);
});

test("sold out at the last moment: nothing is charged, the page names the line, and the cart says so @mobile", async ({
  shop,
  productWithStock,
  testSupport,
}) => {
  const { product, checkout, cart, page } = shop;
  const claimed = await productWithStock([2]);
  const variant = claimed.variants[0];
  await product.open(claimed.slug, variant.sku);
  await product.addToCart();

  await checkout.open();
  await checkout.fillAddress(uniqueEmail("late"));
  await checkout.fillCard();
  // Someone else buys the last ones while this shopper types.
  await testSupport.changeVariant(variant.sku, { stock: 0 });
  await checkout.submit();
  // The summary the page showed no longer holds: it shows the new one first (nothing to pay for now)...
  await expect(checkout.error).toHaveText(
    "Your cart changed since you saw it (prices or items). Please review the new summary.",
  );
  await expect(page.getByTestId("summary-total")).toHaveText("$0.00");
  // The line says why it counts for nothing, as the total does, and where to fix it.
  const line = page.getByTestId("summary-line");
  await expect(line).toContainText("$0.00");
  await expect(line.getByTestId("summary-line-problem")).toContainText("Out of stock for now.");
  await expect(line.getByRole("link", { name: "Review your cart" })).toHaveAttribute("href", "/cart");
  // ...and placing the order anyway is refused, naming the line; nothing is charged.
  await checkout.fillCard();
  await checkout.submit();
  await expect(checkout.error).toHaveText(`Not enough in stock: ${claimed.name} (${variant.sku}).`);
  await expect(page).toHaveURL(/\/checkout$/);

  await cart.open();
  await expect(cart.line(claimed.name).problem).toHaveText("Out of stock for now. Remove it to check out.");
});

test("prices changed since the summary: the page shows the new total, and the order is placed at it @mobile", async ({
  shop,
  productWithStock,
  testSupport,
}) => {
  const { product, checkout, order, page } = shop;
  const claimed = await productWithStock([5]);
  const variant = claimed.variants[0];
  await product.open(claimed.slug, variant.sku);
  await product.addToCart();

  await checkout.open();
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText(dollars(variant.priceCents));
  await checkout.fillAddress(uniqueEmail("repriced"));
  await checkout.fillCard();
  const newPrice = variant.priceCents + 100;
  await testSupport.changeVariant(variant.sku, { priceCents: newPrice });
  await checkout.submit();
  await expect(checkout.error).toHaveText(
    "Your cart changed since you saw it (prices or items). Please review the new summary.",
  );
  await expect(summary).toContainText(dollars(newPrice));
  await expect(page.getByLabel("Full name")).toHaveValue("Grace Hopper");

  await checkout.fillCard();
  await checkout.submit();
  await order.expectPaid();
  await expect(page.getByTestId("order-line")).toContainText(dollars(newPrice));
});
