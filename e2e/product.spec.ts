import { expect, test } from "./fixtures";
import { stockText } from "./pages/product";
import { dollars } from "./support/money";

test("the variant in the URL is the one shown: price, stock, SKU, the picker; back returns to the last", async ({
  shop,
  productWithStock,
}) => {
  const { product, page } = shop;
  const claimed = await productWithStock([7, 3]);
  const [first, second] = claimed.variants;

  for (const variant of [first, second]) {
    await product.open(claimed.slug, variant.sku);
    await expect(product.heading).toHaveText(claimed.name);
    await product.expectSku(variant.sku);
    await expect(product.price).toHaveText(dollars(variant.priceCents));
    await expect(product.stock).toHaveText(stockText(variant.stock));
    for (const [option, value] of Object.entries(variant.options)) {
      await expect(product.selected(option)).toHaveText(value);
    }
  }

  // Picking the first variant's value for an option where they differ: the URL follows, and back undoes it.
  const differing = Object.keys(first.options).find((option) => first.options[option] !== second.options[option])!;
  await product.choice(differing, first.options[differing]).click();
  await expect(page).toHaveURL(new RegExp(`\\?variant=${encodeURIComponent(first.sku)}$`));
  await expect(product.selected(differing)).toHaveText(first.options[differing]);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/products/${claimed.slug}`));

  // An unknown SKU in the URL shows the product's default variant, never an error.
  const unknown = await product.open(claimed.slug, "NO-SUCH-SKU");
  expect(unknown?.status()).toBe(200);
  await expect(product.heading).toHaveText(claimed.name);
});

test("a sold-out variant says so, cannot be added, and its choice is marked in the picker @smoke", async ({
  shop,
  productWithStock,
}) => {
  const { product, header } = shop;
  const claimed = await productWithStock([4, 0]);
  const [inStock, soldOut] = claimed.variants;

  await product.open(claimed.slug, soldOut.sku);
  await expect(product.stock).toHaveText("Out of stock");
  await expect(product.soldOutButton).toBeDisabled();
  await expect(product.addButton).toHaveCount(0);
  await expect(header.cartCount).toHaveText("0");

  // Seen from the in-stock variant, the choice leading to the sold-out one says "out of stock".
  await product.open(claimed.slug, inStock.sku);
  await expect(product.stock).toHaveText("Only 4 left");
  const differing = Object.keys(soldOut.options).find((option) => soldOut.options[option] !== inStock.options[option])!;
  const choice = product.choice(differing, soldOut.options[differing]);
  await expect(choice).toHaveAccessibleName(new RegExp(`^${differing} ${soldOut.options[differing]}`));
  await product.addToCart();
  await expect(header.cartCount).toHaveText("1");
});
