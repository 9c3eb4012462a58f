import { expectAccessible } from "./accessibility";
import { e2eServerEnv } from "../scripts/run/test-env";
import { AppServer } from "../tests/support/app-server";
import { freePort } from "../tests/support/ports";
import { expect, pagesOf, test } from "./fixtures";
import { dollars } from "./support/money";
import { TestSupport, uniqueEmail } from "./support/test-support";

// The back office on another instance: a second standalone server of the built app (A) shares the suite's
// database and Redis with the suite's own server, where the shopper browses. Like the outage tests it needs
// a server the suite starts itself: left out against a deployment (BASE_URL).

test.describe.configure({ mode: "serial" });

let staffServer: AppServer;
let staffOrigin: string;
let staffSupport: TestSupport;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  staffOrigin = `http://localhost:${port}`;
  staffServer = await AppServer.start("back office instance", port, {
    ...e2eServerEnv(),
    AUTH_URL: staffOrigin,
    PORT: String(port),
  });
  staffSupport = await TestSupport.connect(staffOrigin);
});

test.afterAll(async () => {
  await staffSupport?.dispose();
  await staffServer?.stop();
});

test("an admin changes a price and a variant's stock on one instance; a shopper on another sees both next view", async ({
  browser,
  shop,
  productWithStock,
}) => {
  // Two instances, two browsers and axe on five pages: 84 s in one run on a busy 2-core machine.
  test.setTimeout(180_000);
  const claimed = await productWithStock([2]);
  const variant = claimed.variants[0];
  const newPrice = variant.priceCents + 1_234;
  await shop.product.open(claimed.slug, variant.sku);
  await expect(shop.product.price).toHaveText(dollars(variant.priceCents));
  await expect(shop.product.stock).toHaveText("Only 2 left");

  const email = uniqueEmail("admin");
  await staffSupport.grantAdmin(email);
  const context = await browser.newContext({ baseURL: staffOrigin });
  const staff = pagesOf(await context.newPage(), staffSupport);
  await staff.signIn.signIn(email);
  await staff.page.goto("/admin");
  await expectAccessible(staff.page, "the back office");
  await staff.page.getByRole("link", { name: "Products and stock" }).click();
  await staff.page.getByLabel("Name or SKU").fill(variant.sku);
  await staff.page.getByRole("button", { name: "Find" }).click();
  // The search is a plain GET form: axe runs once its page has loaded, not during the navigation.
  await staff.page.waitForURL(/\/admin\/products\?q=/);
  const found = staff.page.getByRole("link", { name: claimed.name });
  await expect(found).toBeVisible();
  await expectAccessible(staff.page, "the back office's products");
  await found.click();
  await expect(staff.page.getByRole("heading", { level: 1, name: claimed.name })).toBeVisible();
  await expectAccessible(staff.page, "the back office's product page");

  const details = staff.page.getByRole("form", { name: "Product details" });
  await details.getByLabel(`Price of ${variant.sku}`).fill((newPrice / 100).toFixed(2));
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  const stock = staff.page.getByRole("form", { name: `Stock of ${variant.sku}` });
  await stock.getByLabel("Change by").fill("2");
  await stock.getByLabel("Reason").selectOption("received");
  await stock.getByRole("button", { name: "Adjust" }).click();
  await expect(stock.getByRole("status")).toHaveText("Stock is now 4.");

  // The shopper's next view, served by the other instance.
  await shop.product.open(claimed.slug, variant.sku);
  await expect(shop.product.price).toHaveText(dollars(newPrice));
  await expect(shop.product.stock).toHaveText("Only 4 left");

  await staff.page.goto(`/admin/audit?objectType=variant&objectId=${variant.id}`);
  await expect(staff.page.getByRole("cell", { name: "stock.adjust" })).toBeVisible();
  await expectAccessible(staff.page, "the audit log");
  await staff.page.goto("/admin/orders");
  await expectAccessible(staff.page, "the back office's orders");
  await context.close();
});

// A test of its own: the journey above already fills most of a test's time on a busy machine.
test("the back office's categories and new product form pass axe", async ({ browser }) => {
  const email = uniqueEmail("admin");
  await staffSupport.grantAdmin(email);
  const context = await browser.newContext({ baseURL: staffOrigin });
  try {
    const staff = pagesOf(await context.newPage(), staffSupport);
    await staff.signIn.signIn(email);
    await staff.page.goto("/admin/categories");
    await expect(staff.page.getByRole("heading", { level: 1, name: "Categories" })).toBeVisible();
    await expectAccessible(staff.page, "the back office's categories");
    await staff.page.goto("/admin/products/new");
    await expect(staff.page.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();
    await expectAccessible(staff.page, "the new product form");
  } finally {
    await context.close();
  }
});
