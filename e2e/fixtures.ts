import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { AccountPage } from "./pages/account";
import { CartPage } from "./pages/cart";
import { CheckoutPage, OrderPage } from "./pages/checkout";
import { Header } from "./pages/header";
import { Listing } from "./pages/listing";
import { ProductPage } from "./pages/product";
import { SignInPage } from "./pages/sign-in";
import { TestSupport, uniqueEmail, type ClaimedProduct } from "./support/test-support";

export { expect } from "@playwright/test";

/**
 * What Chromium writes when the Content-Security-Policy refused something, to the console or as an error
 * ("Loading the script … violates the following Content Security Policy directive", "Refused to …").
 */
const CSP_VIOLATION = /Content Security Policy|Refused to/i;

/** The page objects of one page, so a test reads like the journey: `shop.header.search("mug")`. */
export function pagesOf(page: Page, support: TestSupport) {
  return {
    page,
    header: new Header(page),
    listing: new Listing(page),
    product: new ProductPage(page),
    cart: new CartPage(page),
    checkout: new CheckoutPage(page),
    order: new OrderPage(page),
    signIn: new SignInPage(page, support),
    account: new AccountPage(page),
  };
}

export type Shop = ReturnType<typeof pagesOf>;

interface Shopper {
  email: string;
  /** The signed-in browser's cookies, saved once per worker (a file under the project's output folder). */
  storageState: string;
}

interface WorkerFixtures {
  testSupport: TestSupport;
  shopper: Shopper;
}

interface TestFixtures {
  cspViolations: string[];
  /** The page objects over the test's own page (a guest). */
  shop: Shop;
  /** Claims a product whose first variants have this stock; no other test touches it meanwhile. */
  productWithStock: (stock: number[], category?: string) => Promise<ClaimedProduct>;
  /** A browser signed in as the worker's shopper (the saved storage state), its cart emptied first. */
  signedIn: Shop & { email: string };
  /** A guest whose cart holds two lines (1 and 2 of two variants of a claimed product, stock 5 each). */
  cartWithLines: Shop & { claimed: ClaimedProduct };
}

/** Empties the cart of the browser behind `page` through the cart API. */
async function emptyCart(page: Page) {
  const { cart } = await (await page.request.get("/api/cart")).json();
  for (const line of cart.lines as { variantId: number }[]) {
    const response = await page.request.delete(`/api/cart/items/${line.variantId}`);
    expect(response.ok(), `removing cart line ${line.variantId}`).toBe(true);
  }
}

/**
 * Every spec imports `test` from here: a test fails at teardown if any page it opened, in its own context
 * or in one it made with `browser.newContext()`, reported a Content-Security-Policy violation.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  cspViolations: [
    async ({ context, browser }, provide, testInfo) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          if (CSP_VIOLATION.test(message.text()))
            violations.push(`console.${message.type()} on ${message.page()?.url()}: ${message.text()}`);
        });
        watched.on("weberror", (webError) => {
          const error = webError.error();
          if (CSP_VIOLATION.test(`${error.message}\n${error.stack ?? ""}`))
            violations.push(`page error on ${webError.page()?.url()}: ${error.message}`);
        });
      };
      watch(context);
      // Contexts a test makes itself (a second browser) are watched as well, for the test's duration.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const made = await newContext.apply(browser, args);
        watch(made);
        return made;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      if (violations.length > 0) {
        await testInfo.attach("csp-violations", { body: violations.join("\n"), contentType: "text/plain" });
        throw new Error(`Content-Security-Policy violations:\n${violations.join("\n")}`);
      }
    },
    { auto: true },
  ],

  testSupport: [
    async ({}, provide, workerInfo) => {
      const support = await TestSupport.connect(workerInfo.project.use.baseURL!);
      await provide(support);
      await support.dispose();
    },
    { scope: "worker" },
  ],

  shopper: [
    async ({ browser, testSupport }, provide, workerInfo) => {
      // Signed in through the real flow once per worker; each test then starts from the saved cookies.
      const email = uniqueEmail(`shopper-w${workerInfo.workerIndex}`);
      const context = await browser.newContext({ ...workerInfo.project.use, baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await new SignInPage(page, testSupport).signIn(email);
      const storageState = workerInfo.project.outputDir + `/shopper-${workerInfo.workerIndex}.json`;
      await context.storageState({ path: storageState });
      await context.close();
      await provide({ email, storageState });
    },
    { scope: "worker" },
  ],

  shop: async ({ page, testSupport }, provide) => {
    await provide(pagesOf(page, testSupport));
  },

  productWithStock: async ({ testSupport }, provide) => {
    const claimed: ClaimedProduct[] = [];
    await provide(async (stock, category) => {
      const product = await testSupport.claimProduct(stock, category);
      claimed.push(product);
      return product;
    });
    // Prices a test changed go back to what they were (stock stays as the test left it): the catalog keeps
    // the seed's prices, whatever the runs before did.
    for (const product of claimed) {
      const { variants } = await testSupport.product(product.slug);
      for (const variant of variants) {
        const original = product.variants.find((claimedVariant) => claimedVariant.id === variant.id)!;
        if (variant.priceCents !== original.priceCents)
          await testSupport.changeVariant(variant.sku, { priceCents: original.priceCents });
      }
    }
  },

  signedIn: async ({ browser, shopper, testSupport, cspViolations }, provide, testInfo) => {
    void cspViolations; // made after the CSP watch, so this browser is watched too
    const context = await browser.newContext({ ...testInfo.project.use, storageState: shopper.storageState });
    const page = await context.newPage();
    await emptyCart(page);
    await provide({ ...pagesOf(page, testSupport), email: shopper.email });
    await context.close();
  },

  cartWithLines: async ({ page, shop, productWithStock }, provide) => {
    const product = await productWithStock([5, 5]);
    for (const [index, quantity] of [1, 2].entries()) {
      const response = await page.request.post("/api/cart/items", {
        data: { variantId: product.variants[index].id, quantity },
      });
      expect(response.ok(), `adding ${product.variants[index].sku}`).toBe(true);
    }
    await provide({ ...shop, claimed: product });
  },
});
