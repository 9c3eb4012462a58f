import { expect, test } from "./fixtures";

test("a shopper can search and pick a variant with the keyboard alone", async ({ shop }) => {
  const { listing, page } = shop;
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();

  await shop.header.searchBox.focus();
  await page.keyboard.type("tee");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=tee/);

  const firstResult = listing.cards.first();
  await firstResult.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);

  const choices = page.getByRole("group").first().getByRole("link");
  const target = choices.last();
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?variant=/);
});
