import { expect, test } from "./fixtures";
import { uniqueEmail } from "./support/test-support";

/** Three products for sale, by slug and name (the seed's first listing page). */
async function threeProducts(request: import("@playwright/test").APIRequestContext) {
  const response = await request.get("/api/products?sort=name&pageSize=3");
  expect(response.ok()).toBe(true);
  return (await response.json()).products as { slug: string; name: string }[];
}

test("a guest's recently viewed products show on the next product and the cart, and join their account on sign-in", async ({
  shop,
}) => {
  const { page, product, signIn } = shop;
  const [a, b, c] = await threeProducts(page.request);
  const recent = page.getByRole("list", { name: "Recently viewed" });
  // The questions each page asks about the shopper (by the page that asked): a product page asks one,
  // which also records the view.
  const asked: { from: string; question: string }[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const from = new URL(request.headers()["referer"] ?? url.origin).pathname;
    if (url.pathname === "/api/shopper") asked.push({ from, question: `${request.method()} ${url.search}` });
  });
  /** Opens a product page and waits until the browser has recorded the view (leaving earlier may cancel it). */
  const view = async (slug: string) => {
    asked.length = 0;
    const recorded = page.waitForResponse(
      (response) => new URL(response.url()).pathname === "/api/shopper" && response.request().method() === "POST",
    );
    await product.open(slug);
    expect((await recorded).ok()).toBe(true);
    const fromProductPage = asked.filter((question) => question.from === `/products/${slug}`);
    expect(fromProductPage.map(({ question }) => question)).toEqual([`POST ?viewing=${slug}`]);
  };
  /** The product page's row loads its products when the shopper scrolls towards it (at once if it is near). */
  const scrollToRow = () => page.getByTestId("recently-viewed").scrollIntoViewIfNeeded();

  await view(a.slug);
  await expect(product.heading).toHaveText(a.name);
  await view(b.slug);
  await scrollToRow();
  await expect(recent.getByRole("link")).toHaveCount(1);
  await expect(recent.getByRole("link", { name: new RegExp(a.name) })).toBeVisible();

  await page.goto("/cart");
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([b.name, a.name]);

  // Signed in, in the same browser: the guest's views are the account's now, and the page on screen is left out.
  await signIn.signIn(uniqueEmail("viewed"));
  await view(c.slug);
  await scrollToRow();
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([b.name, a.name]);
  await view(a.slug);
  await scrollToRow();
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([c.name, b.name]);
});
