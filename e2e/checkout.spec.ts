import { expect, test } from "./fixtures";
import { addToCart, placeOrder, signIn, uniqueEmail, variantWithStock } from "./helpers";

test("a signed-in shopper checks out with the test card, sees the order in their account and the lower stock", async ({
  page,
}) => {
  const variant = await variantWithStock(page, "accessories", 2, 5);
  // Browse to it: search, then the result.
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search products" }).fill(variant.name);
  await page.getByRole("searchbox", { name: "Search products" }).press("Enter");
  await page.getByRole("link", { name: variant.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/products/${variant.slug}`));
  await addToCart(page, variant.slug, variant.sku);
  await signIn(page, uniqueEmail("buyer"));

  await placeOrder(page);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const number = (await page.getByTestId("order-number").textContent())!;
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  await page.goto("/account/orders");
  await expect(page.getByTestId("account-order").filter({ hasText: number })).toBeVisible();

  await page.goto(`/products/${variant.slug}?variant=${variant.sku}`);
  const left = variant.stock - 1;
  await expect(page.getByTestId("stock-status")).toHaveText(left === 0 ? "Out of stock" : `Only ${left} left`);
});

test("a guest checks out, opens the order from the mailed link; another browser without the token gets 404", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("guest");
  const variant = await variantWithStock(page, "socks", 3, 99);
  await addToCart(page, variant.slug, variant.sku);

  await placeOrder(page, { email, card: "4000 0000 0000 0002" });
  await expect(page.getByRole("alert").filter({ hasText: "declined" })).toBeVisible();
  // The address is kept, the card is not; the page minted a new token, so another card goes through.
  await expect(page.getByLabel("City")).toHaveValue("Arlington");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/39");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const url = new URL(page.url());

  const { mails } = await (await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
  const link = /(https?:\/\/\S+\/orders\/\S+)/.exec(mails[0].text)![1];
  const mailed = await browser.newContext();
  const mailedPage = await mailed.newPage();
  await mailedPage.goto(link);
  await expect(mailedPage.getByTestId("order-status")).toHaveText("Paid");

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(url.pathname);
  expect(response?.status()).toBe(404);
  await Promise.all([mailed.close(), stranger.close()]);
});
