import { expect, test } from "./fixtures";

// The filter form works the same on a phone and a desktop: these run in both projects (@mobile).

/** The URL's query, empty fields left out (the form sends every field, filled or not). */
const params = (url: string) => Object.fromEntries([...new URL(url).searchParams].filter(([, value]) => value !== ""));

test("sort and pages live in the URL, and the back button walks back through them @mobile", async ({ shop }) => {
  const { listing, page } = shop;
  await listing.open();
  await listing.filter({ sort: "Price, low to high" });
  expect(params(page.url())).toEqual({ sort: "price-asc" });
  await expect(listing.sort).toHaveValue("price-asc");
  const firstPage = await listing.prices();
  expect(firstPage.length).toBeGreaterThan(1);
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
  const namesOnFirst = await listing.names();

  await listing.next.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(listing.currentPage).toHaveText(/^Page 2 of \d+$/);
  expect(params(page.url())).toEqual({ sort: "price-asc", page: "2" });
  const secondPage = await listing.prices();
  expect(secondPage[0]).toBeGreaterThanOrEqual(firstPage.at(-1)!);
  expect(await listing.names()).not.toEqual(namesOnFirst);

  // A URL is the whole state: opened fresh, it shows the same page.
  const shared = page.url();
  await page.goto("/");
  await page.goto(shared);
  await expect(listing.currentPage).toHaveText(/^Page 2 of/);
  await expect(listing.sort).toHaveValue("price-asc");

  // Back: the home page, then page 2 again, then page 1 with the same sort, then the unsorted list.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  await expect(listing.currentPage).toHaveText(/^Page 2 of/);
  await page.goBack();
  await expect(listing.currentPage).toHaveText(/^Page 1 of/);
  await expect(listing.sort).toHaveValue("price-asc");
  expect(await listing.names()).toEqual(namesOnFirst);
  await page.goBack();
  await expect(page).toHaveURL(/\/products$/);
  await expect(listing.sort).toHaveValue("");
});

test("a search narrowed to a category and sorted, over pages, and back to the wider search @mobile", async ({
  shop,
}) => {
  const { header, listing, page } = shop;
  await page.goto("/");
  await header.search("cotton");
  await expect(listing.cards.first()).toBeVisible();
  const total = await page
    .getByRole("status")
    .filter({ hasText: /for “cotton”/ })
    .textContent();
  expect(params(page.url())).toEqual({ q: "cotton" });

  await listing.filter({ category: "Tees", sort: "Name" });
  expect(params(page.url())).toEqual({ q: "cotton", category: "tees", sort: "name" });
  await expect(listing.category).toHaveValue("tees");
  const names = await listing.names();
  expect(names.length).toBeGreaterThan(0);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await expect(page.getByRole("status").filter({ hasText: /for “cotton”/ })).not.toHaveText(total!);

  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
  expect(params(page.url())).toEqual({ q: "cotton" });
  await expect(listing.category).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: /for “cotton”/ })).toHaveText(total!);
  // The whole search spans pages; page 2 keeps the words.
  await listing.next.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(listing.currentPage).toHaveText(/^Page 2 of/);
  expect(params(page.url())).toEqual({ q: "cotton", page: "2" });
});
