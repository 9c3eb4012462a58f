import { expect, test } from "./fixtures";

test("a shopper adds two variants, changes a quantity, removes one, and finds the cart as left after a reload @smoke", async ({
  shop,
  browser,
  productWithStock,
}) => {
  const { product, header, cart, page } = shop;
  const claimed = await productWithStock([6, 6]);
  const [first, second] = claimed.variants;

  await product.open(claimed.slug, first.sku);
  await expect(header.cartCount).toHaveText("0");
  await product.addButton.click();
  await expect(header.cartCount).toHaveText("1");
  await expect(product.added).toBeVisible();

  await product.open(claimed.slug, second.sku);
  await product.addButton.click();
  await expect(header.cartCount).toHaveText("2"); // at once, before the server answers
  await expect(product.added).toBeVisible();

  await header.openCart();
  await expect(cart.lines).toHaveCount(2);
  await cart.lineOf(first.id).more.click();
  await expect(cart.lineOf(first.id).quantity).toHaveText("2");
  await expect(header.cartCount).toHaveText("3");
  await cart.lineOf(second.id).remove.click();
  await expect(cart.lines).toHaveCount(1);
  await expect(header.cartCount).toHaveText("2");

  await page.reload();
  await expect(cart.lines).toHaveCount(1);
  await expect(cart.lines.first().getByTestId("line-quantity")).toHaveText("2");
  await expect(header.cartCount).toHaveText("2");

  // Another browser (a second context shares no cookies) has a cart of its own: empty.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/cart");
  await expect(otherPage.getByText("Your cart is empty.")).toBeVisible();
  await expect(otherPage.getByTestId("cart-count")).toHaveText("0");
  await other.close();
});

test("quantities stop at the stock: + is disabled there, and adding more says how many there are", async ({
  shop,
  productWithStock,
}) => {
  const { product, header, cart, page } = shop;
  const claimed = await productWithStock([2]);
  const variant = claimed.variants[0];

  await product.open(claimed.slug, variant.sku);
  await expect(product.stock).toHaveText("Only 2 left");
  await product.addToCart();
  await header.openCart();
  const line = cart.line(claimed.name);
  await line.more.click();
  await expect(line.quantity).toHaveText("2");
  await expect(line.more).toBeDisabled();
  await expect(header.cartCount).toHaveText("2");

  // Adding once more from the product page: the cart keeps 2, and the page says why.
  await product.open(claimed.slug, variant.sku);
  await product.addButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Only 2 in stock: your cart now has 2." })).toBeVisible();
  await expect(header.cartCount).toHaveText("2");

  // Down again works, and then up is allowed again.
  await cart.open();
  await line.fewer.click();
  await expect(line.quantity).toHaveText("1");
  await expect(line.more).toBeEnabled();
  await expect(line.fewer).toBeDisabled();
});

test("the cart page works by keyboard", async ({ shop, productWithStock }) => {
  const { product, header, cart, page } = shop;
  const claimed = await productWithStock([5]);
  await product.open(claimed.slug, claimed.variants[0].sku);
  await product.addButton.focus();
  await page.keyboard.press("Enter");
  await expect(header.cartCount).toHaveText("1");
  // The count moves at once; leave the page only once the server has confirmed the add.
  await expect(product.added).toBeVisible();
  await cart.open();
  const line = cart.line(claimed.name);
  await line.more.focus();
  await page.keyboard.press("Enter");
  await expect(line.quantity).toHaveText("2");
});

test("a cart with lines is kept across a reload and a new page, with its subtotal", async ({ cartWithLines }) => {
  const { cart, header, page, claimed } = cartWithLines;
  await cart.open();
  await expect(cart.lines).toHaveCount(2);
  await expect(header.cartCount).toHaveText("3");
  const subtotal = await cart.subtotal.textContent();
  await page.reload();
  await expect(cart.lines).toHaveCount(2);
  await expect(cart.subtotal).toHaveText(subtotal!);
  const other = await page.context().newPage();
  await other.goto(`/products/${claimed.slug}`);
  await expect(other.getByTestId("cart-count")).toHaveText("3");
  await other.close();
});
