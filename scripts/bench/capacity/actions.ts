import { randomUUID } from "node:crypto";
import { log } from "../../services/shell";
import { inParallel } from "../load";
import type { PostgresStats } from "../postgres-stats";
import type { Cost, Meter } from "./meter";
import type { Action } from "./model";
import type { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, postCheckout } from "@/tests/support/checkout-fixtures";

/** Shoppers at once: enough to keep the instance busy, as under load (one at a time would count idle costs). */
const CONCURRENCY = 8;

async function expectStatus(response: Response, ...statuses: number[]): Promise<void> {
  await response.arrayBuffer();
  if (!statuses.includes(response.status))
    throw new Error(`${response.url || "a request"} answered ${response.status}`);
}

/** A page as a browser views it: the page, then the header's question (recording a product view). */
async function pageView(client: BrowserClient, path: string, viewing?: string): Promise<void> {
  await expectStatus(await client.fetch(path), 200);
  const shopper = viewing ? `/api/shopper?viewing=${encodeURIComponent(viewing)}` : "/api/shopper";
  await expectStatus(await client.fetch(shopper, { method: viewing ? "POST" : "GET" }), 200);
}

/**
 * Each shopper action of model.ts, measured on `app` with `meter` on (scripts/bench/capacity/run.ts). `other`
 * renders pages that `app` then finds in the route cache's Redis. `variants`: 400 with stock to spare.
 */
export async function measureActions(options: {
  app: AppServer;
  other: AppServer;
  meter: Meter;
  postgres: PostgresStats;
  slugs: string[];
  categories: string[];
  variants: number[];
}): Promise<{ costs: Record<Action, Cost>; counts: Record<Action, number> }> {
  const { app, other, meter, postgres, slugs, categories, variants } = options;
  const costs = {} as Record<Action, Cost>;
  const counts = {} as Record<Action, number>;
  /** Runs `step` for every item, CONCURRENCY at a time, with the meter on: `perItem` actions each. */
  const measure = async <T>(
    action: Action,
    items: T[],
    step: (item: T, index: number) => Promise<unknown>,
    perItem = 1,
  ) => {
    await postgres.settle();
    await meter.resume();
    await inParallel(items, CONCURRENCY, step);
    await meter.pause();
    record(action, items.length * perItem);
  };
  const record = (action: Action, times: number) => {
    costs[action] = meter.take(times);
    counts[action] = times;
    log(`${action}: ${JSON.stringify(costs[action])}`);
  };
  const browser = new BrowserClient(app.origin);
  const elsewhere = new BrowserClient(other.origin);
  // JIT, pools and the connections warm: a few of each page, not among those measured.
  await inParallel(slugs.slice(-40), CONCURRENCY, (slug) => pageView(browser, `/products/${slug}`, slug));
  await inParallel(categories, CONCURRENCY, (slug) => pageView(browser, `/categories/${slug}?page=150`));

  const [fresh, renderedElsewhere] = [slugs.slice(0, 400), slugs.slice(400, 1_400)];
  await measure("product page, rendered", fresh, (slug) => pageView(browser, `/products/${slug}`, slug));
  // Rendered by the other instance: this one finds the page in the route cache's Redis, not in its memory.
  await inParallel(renderedElsewhere, CONCURRENCY, (slug) => pageView(elsewhere, `/products/${slug}`, slug));
  await measure("product page, from the route cache in Redis", renderedElsewhere, (slug) =>
    pageView(browser, `/products/${slug}`, slug),
  );
  await measure("product page, from memory", [...renderedElsewhere, ...renderedElsewhere], (slug) =>
    pageView(browser, `/products/${slug}`, slug),
  );
  const pages = Array.from({ length: 120 }, (_, i) => `/categories/${categories[i % categories.length]}?page=${2 + i}`);
  await measure("listing, rendered", pages, (path) => pageView(browser, path));
  await inParallel(categories, CONCURRENCY, (slug) => pageView(browser, `/categories/${slug}`));
  const listings = Array.from({ length: 1_200 }, (_, i) => `/categories/${categories[i % categories.length]}`);
  await measure("listing, from memory", listings, (path) => pageView(browser, path));

  const shoppers = Array.from(
    { length: 80 },
    (_, i) => new BrowserClient(app.origin, { "x-forwarded-for": `10.9.${i}.1` }),
  );
  // Each shopper's adds one after another (a cart is one key), the shoppers side by side.
  await measure(
    "add to cart",
    shoppers,
    (shopper, i) =>
      inParallel(variants.slice(i * 5, i * 5 + 5), 1, async (variant) =>
        expectStatus(await addToCart(shopper, variant), 200),
      ),
    5,
  );
  await measure("checkout", shoppers, (shopper) =>
    postCheckout(shopper, checkoutBody()).then(({ status }) => {
      if (status !== 201) throw new Error(`checkout answered ${status}`);
    }),
  );
  // Sign-in: asking for a code, then sending it back, both measured; reading the dev mailbox between is not.
  const signIns = Array.from({ length: 60 }, (_, i) => ({
    client: new BrowserClient(app.origin, { "x-forwarded-for": `10.8.${i}.1` }),
    email: `capacity-${randomUUID()}@example.com`,
    code: "",
  }));
  await postgres.settle();
  await meter.resume();
  await inParallel(signIns, CONCURRENCY, async ({ client, email }) => {
    const requested = await client.requestCode(email);
    if (requested.status !== 302) throw new Error(`asking for a code answered ${requested.status}`);
  });
  await meter.pause();
  for (const signIn of signIns) signIn.code = (await signIn.client.latestMail(signIn.email)).code;
  await meter.resume();
  await inParallel(signIns, CONCURRENCY, async ({ client, email, code }) => {
    await client.submitCode(email, code);
    if (!client.sessionToken) throw new Error("signing in failed");
  });
  await meter.pause();
  record("sign-in", signIns.length);

  return { costs, counts };
}
