import { expect, test } from "./fixtures";

// The header on every page, on a phone (touch, narrow: the search box moves to its own row) and a desktop.

test("the header leads home, to all products, to search results, to sign-in and to the cart @mobile @smoke", async ({
  shop,
}) => {
  const { header, listing, page } = shop;
  await page.goto("/products/no-such-thing-here");
  await header.home.click();
  await expect(page).toHaveURL(/\/$/);

  await header.allProducts.click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(listing.heading).toBeVisible();

  await header.search("mug");
  await expect(listing.cards.first()).toBeVisible();
  await expect(listing.searchField).toHaveValue("mug");

  await header.signInLink.click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await header.openCart();
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  await expect(header.cartCount).toHaveText("0");
});

test("every header control is on screen and big enough to tap @mobile", async ({ shop }) => {
  const { header, page } = shop;
  await page.goto("/");
  const viewport = page.viewportSize()!;
  for (const control of [header.home, header.allProducts, header.searchBox, header.signInLink, header.cartLink]) {
    await expect(control).toBeInViewport();
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.height).toBeGreaterThanOrEqual(20);
  }
  // Nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
});
