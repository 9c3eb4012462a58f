import { startProductionShape, type ProductionShape } from "../scripts/cluster/production-shape";
import { e2eServerEnv } from "../scripts/run/test-env";
import { freePorts } from "../tests/support/ports";
import { expect, pagesOf, test } from "./fixtures";
import { TestSupport, uniqueEmail } from "./support/test-support";

// A shopper's journey in a browser through the production shape of `npm run start:cluster`: three instances
// of the built app behind HAProxy, every Redis role on a Redis Cluster of three masters with a replica each.
// HAProxy names the instance of each answer (X-Served-By): more than one serves the journey. It starts the
// shape itself: left out against a deployment (BASE_URL).

test.describe.configure({ mode: "serial" });

let shape: ProductionShape;
let support: TestSupport;

test.beforeAll(async () => {
  // A cluster of six Redis servers, three instances and HAProxy on a busy 2-core machine.
  test.setTimeout(180_000);
  const [port, ...instancePorts] = await freePorts(4);
  shape = await startProductionShape({ instances: 3, port, instancePorts, env: e2eServerEnv() });
  support = await TestSupport.connect(shape.origin);
});

test.afterAll(async () => {
  await support?.dispose();
  await shape?.stop();
});

test("a shopper browses, fills the cart, signs in and pays through the load balancer, served by several instances", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: shape.origin });
  const page = await context.newPage();
  const servedBy: (string | undefined)[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).origin === shape.origin) servedBy.push(response.headers()["x-served-by"]);
  });
  const { header, listing, product, signIn, checkout, order } = pagesOf(page, support);
  const claimed = await support.claimProduct([3]);
  const variant = claimed.variants[0];

  await page.goto("/");
  await header.search(claimed.name);
  await listing.openProduct(claimed.name);
  await product.open(claimed.slug, variant.sku);
  await product.addToCart();
  await expect(header.cartCount).toHaveText("1");
  // Signing in brings the guest's cart along (merged on whichever instance answers).
  await signIn.signIn(uniqueEmail("cluster"));
  await checkout.open();
  await checkout.fillAddress();
  await checkout.fillCard();
  await checkout.submit();
  await order.expectPaid();
  await expect(header.cartCount).toHaveText("0");

  expect(servedBy.length).toBeGreaterThan(10);
  expect(servedBy.filter((name) => !name)).toEqual([]);
  expect(new Set(servedBy).size).toBeGreaterThan(1);
  await context.close();
});
