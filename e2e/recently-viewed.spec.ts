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
  // Every question the page asks about the shopper: on a product page, one, which also records the view.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/shopper") asked.push(`${request.method()} ${request.postData()}`);
  });
  /** Opens a product page and waits until the browser has recorded the view (leaving earlier may cancel it). */
  const view = async (slug: string) => {
    asked.length = 0;
    const recorded = page.waitForResponse(
      (response) => response.url().endsWith("/api/shopper") && response.request().method() === "POST",
    );
    await product.open(slug);
    expect((await recorded).ok()).toBe(true);
    expect(asked).toEqual([`POST ${JSON.stringify({ viewing: slug })}`]);
  };

  await view(a.slug);
  await expect(product.heading).toHaveText(a.name);
  await view(b.slug);
  await expect(recent.getByRole("link")).toHaveCount(1);
  await expect(recent.getByRole("link", { name: new RegExp(a.name) })).toBeVisible();

  await page.goto("/cart");
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([b.name, a.name]);

  // Signed in, in the same browser: the guest's views are the account's now, and the page on screen is left out.
  await signIn.signIn(uniqueEmail("viewed"));
  await view(c.slug);
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([b.name, a.name]);
  await view(a.slug);
  await expect(recent.getByRole("heading", { level: 3 })).toHaveText([c.name, b.name]);
});
