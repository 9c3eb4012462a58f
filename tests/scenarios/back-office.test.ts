import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAccess, ADMIN_SIGN_IN_SECONDS } from "@/lib/auth/admin";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { signedInAdmin } from "@/tests/support/admin-client";
import { AppServer } from "@/tests/support/app-server";
import { BrowserClient } from "@/tests/support/browser-client";
import { addToCart, checkoutBody, freshVariant, postCheckout, stockOf } from "@/tests/support/checkout-fixtures";
import { freePort } from "@/tests/support/ports";
import { readJson } from "@/tests/support/routes";

// The back office on a standalone server of the built app: who gets in, stock adjustments and order moves that
// stay exact under concurrency, and the audit log.
let server: AppServer;
let admin: BrowserClient;
let shopper: BrowserClient;
const adminEmail = `admin-${randomUUID()}@example.com`;

beforeAll(async () => {
  server = await AppServer.start("back office app", await freePort(), {});
  admin = await signedInAdmin(server.origin, adminEmail);
  shopper = new BrowserClient(server.origin);
  await shopper.signIn(`shopper-${randomUUID()}@example.com`);
}, 90_000);

afterAll(async () => {
  await server.stop();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Every file under `dir` (relative to the project) named `name`. */
function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file));
}

/** A route or page file as an address: each `[param]` made `1`. */
const addressOf = (file: string, dir: string, prefix: string) =>
  `${prefix}/${path.dirname(path.relative(dir, file))}`.replace(/\/\.$/, "").replace(/\[[^\]]+\]/g, "1");

describe("who gets in", () => {
  // Found on disk, not listed by hand: a route or page added without the check fails here.
  const routes = filesNamed("app/api/admin", "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
    return methods.map(([, method]) => ({ method, address: addressOf(file, "app/api/admin", "/api/admin") }));
  });
  const pages = filesNamed("app/admin", "page.tsx").map((file) => addressOf(file, "app/admin", "/admin"));

  it("finds the back office's routes and pages", () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
    expect(pages).toContain("/admin");
  });

  it("answers 404 to a signed-out visitor and to a shopper on every admin route and page", async () => {
    for (const client of [new BrowserClient(server.origin), shopper]) {
      for (const { method, address } of routes) {
        const response = await client.fetch(address, method === "GET" ? {} : { ...json({}), method });
        expect(response.status, `${method} ${address}`).toBe(404);
        expect(await readJson(response)).toEqual({ error: { code: "not_found", message: "Not found." } });
      }
      for (const address of pages) {
        const response = await client.fetch(address);
        expect(response.status, address).toBe(404);
        const html = await response.text();
        expect(html).toContain("We couldn’t find that page");
        expect(html).not.toMatch(/Back office|Audit log/);
      }
    }
  });

  it("refuses an admin's write sent from another site with 403, and a stranger's with 404", async () => {
    const crossSite = {
      ...json({ to: "fulfilled" }),
      headers: { "content-type": "application/json", origin: "https://elsewhere.example" },
    };
    expect((await admin.fetch("/api/admin/orders/1/status", crossSite)).status).toBe(403);
    expect((await shopper.fetch("/api/admin/orders/1/status", crossSite)).status).toBe(404);
  });

  it("lets an admin in, and asks for a new sign-in once theirs is eight hours old", async () => {
    const page = await admin.fetch("/admin");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Back office");
    expect((await admin.fetch("/api/admin/audit")).status).toBe(200);
    const jar = { get: (name: string) => (admin.cookies.has(name) ? { value: admin.cookies.get(name)! } : undefined) };
    expect((await adminAccess(jar)).kind).toBe("admin");
    const later = Date.now() + (ADMIN_SIGN_IN_SECONDS + 60) * 1000;
    expect((await adminAccess(jar, later)).kind).toBe("expired");
  });
});

describe("stock adjustments", () => {
  const adjust = (variantId: number, body: unknown) =>
    admin.fetch(`/api/admin/variants/${variantId}/stock`, json(body));

  it("keeps every change when 20 checkouts and 20 adjustments hit one variant at once", async () => {
    const variant = await freshVariant(100);
    const buyers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const buyer = new BrowserClient(server.origin);
        expect((await addToCart(buyer, variant.id, 1)).status).toBe(200);
        return buyer;
      }),
    );
    const deltas = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 3 : -2)); // +30 −20
    const [checkouts, adjustments] = await Promise.all([
      Promise.all(buyers.map((buyer) => postCheckout(buyer, checkoutBody()))),
      Promise.all(deltas.map((delta) => adjust(variant.id, { delta, reason: "counted" }))),
    ]);
    expect(checkouts.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(adjustments.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(await stockOf(variant.id)).toBe(100 - 20 + 10);
    // One audit entry per adjustment, by this admin.
    const entries = await db.auditEntry.findMany({ where: { objectType: "variant", objectId: String(variant.id) } });
    expect(entries).toHaveLength(20);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorEmail: adminEmail, action: "stock.adjust", reason: "counted" });
    }
  }, 60_000);

  it("refuses bad input and stock below zero with the JSON error, changing nothing", async () => {
    const variant = await freshVariant(4);
    for (const body of [{}, { delta: 0, reason: "counted" }, { delta: 1.5, reason: "counted" }, { delta: 1 }]) {
      const response = await adjust(variant.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await readJson(response)).toMatchObject({ error: { code: "invalid_input" } });
    }
    const extra = await adjust(variant.id, { delta: 1, reason: "stolen" });
    expect(extra.status).toBe(400);
    const below = await adjust(variant.id, { delta: -5, reason: "damaged" });
    expect(below.status).toBe(409);
    expect(await readJson(below)).toMatchObject({ error: { code: "insufficient_stock" } });
    expect((await adjust(2_000_000_000, { delta: 1, reason: "received" })).status).toBe(404);
    expect((await adjust(3_000_000_000, { delta: 1, reason: "received" })).status).toBe(404);
    expect((await adjust(variant.id, { delta: 1_000_000, reason: "received" })).status).toBe(400);
    expect(await stockOf(variant.id)).toBe(4);
    expect(await db.auditEntry.count({ where: { objectType: "variant", objectId: String(variant.id) } })).toBe(0);
  });
});

describe("product edits", () => {
  interface Editable {
    version: number;
    name: string;
    description: string;
    status: "active" | "archived";
    variants: { id: number; priceCents: number }[];
  }
  const opened = async (productId: number) =>
    (await readJson<{ product: Editable }>(await admin.fetch(`/api/admin/products/${productId}`))).product;
  const save = (productId: number, body: unknown) =>
    admin.fetch(`/api/admin/products/${productId}`, { ...json(body), method: "PATCH" });
  const form = (product: Editable, description: string, variantId: number, priceCents: number) => ({
    version: product.version,
    name: product.name,
    description,
    status: product.status,
    variants: [{ variantId, priceCents }],
  });
  const priceOf = (product: Editable, variantId: number) =>
    product.variants.find((variant) => variant.id === variantId)!.priceCents;

  it("saves a form only at the version it was opened at: of two saves from one version, one is refused", async () => {
    const variant = await freshVariant(5);
    const product = await opened(variant.productId);
    const original = product.description;
    // Entries of this test only (the product may have been edited by an earlier run).
    const { _max } = await db.auditEntry.aggregate({ _max: { id: true } });
    try {
      const saves = await Promise.all([
        save(variant.productId, form(product, `${original} (first)`, variant.id, 1_111)),
        save(variant.productId, form(product, `${original} (second)`, variant.id, 2_222)),
      ]);
      expect(saves.map((response) => response.status).sort()).toEqual([200, 409]);
      const refused = saves.find((response) => response.status === 409)!;
      expect(await readJson(refused)).toMatchObject({ error: { code: "edit_conflict" } });
      const won = saves.findIndex((response) => response.status === 200);
      const now = await opened(variant.productId);
      expect(now.version).toBe(product.version + 1);
      expect(now.description).toBe(`${original} (${won === 0 ? "first" : "second"})`);
      expect(priceOf(now, variant.id)).toBe(won === 0 ? 1_111 : 2_222);
      // The store sees the save at once (the product's tag invalidated).
      const shown = await (await fetch(`${server.origin}/api/products/${variant.slug}`)).json();
      const inStore = (shown.product.variants as { id: number; priceCents: number }[]).find((v) => v.id === variant.id);
      expect(inStore?.priceCents).toBe(priceOf(now, variant.id));
      const entries = await db.auditEntry.findMany({
        where: { objectType: "product", objectId: String(variant.productId), id: { gt: _max.id ?? 0 } },
      });
      expect(entries.map((entry) => entry.action)).toEqual(["product.edit"]);
      expect(entries[0].before).toMatchObject({ version: product.version, description: original });
    } finally {
      const latest = await opened(variant.productId);
      await save(variant.productId, form(latest, original, variant.id, priceOf(product, variant.id)));
    }
  });

  it("refuses bad input and unknown variants with the JSON error, saving nothing", async () => {
    const variant = await freshVariant(5);
    const product = await opened(variant.productId);
    const good = form(product, product.description, variant.id, 1_000);
    for (const body of [
      { ...good, name: "" },
      { ...good, variants: [{ variantId: variant.id, priceCents: -1 }] },
      { ...good, variants: [{ variantId: variant.id, priceCents: 10.5 }] },
      { ...good, status: "sold" },
      { ...good, extra: true },
    ]) {
      const response = await save(variant.productId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await save(variant.productId, { ...good, variants: [{ variantId: 2_000_000_000, priceCents: 5 }] });
    expect(unknown.status).toBe(404);
    expect(await opened(variant.productId)).toEqual(product); // the details saved before the unknown variant rolled back
  });
});

describe("order moves", () => {
  const move = (orderId: string, to: unknown) => admin.fetch(`/api/admin/orders/${orderId}/status`, json({ to }));

  async function paidOrder(
    variantId: number,
    quantity: number,
  ): Promise<{ id: string; number: string; email: string }> {
    const buyer = new BrowserClient(server.origin);
    expect((await addToCart(buyer, variantId, quantity)).status).toBe(200);
    const body = checkoutBody();
    const response = await postCheckout(buyer, body);
    expect(response.status).toBe(201);
    const { order } = response.json as { order: { id: string; number: string } };
    return { id: order.id, number: order.number, email: body.email };
  }

  it("cancels an order once when asked twice at once: its stock comes back once, one entry, one mail", async () => {
    const variant = await freshVariant(10);
    const order = await paidOrder(variant.id, 3);
    expect(await stockOf(variant.id)).toBe(7);
    const answers = await Promise.all([move(order.id, "cancelled"), move(order.id, "cancelled")]);
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
    const refused = answers.find((response) => response.status === 409)!;
    expect(await readJson(refused)).toMatchObject({ error: { code: "invalid_transition" } });
    expect(await stockOf(variant.id)).toBe(10);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({
      status: "CANCELLED",
    });
    expect(await db.auditEntry.count({ where: { objectType: "order", objectId: order.id } })).toBe(1);
    const mails = await (await fetch(`${server.origin}/api/dev/mailbox?to=${encodeURIComponent(order.email)}`)).json();
    expect(
      mails.mails.map((mail: { subject: string }) => mail.subject).filter((s: string) => /cancelled/.test(s)),
    ).toHaveLength(1);
  });

  it("lists orders by number, status, e-mail and day, and opens one with its moves while it is paid", async () => {
    const variant = await freshVariant(5);
    const order = await paidOrder(variant.id, 1);
    const listed = async (search: string) => {
      const response = await admin.fetch(`/admin/orders?${search}`);
      expect(response.status).toBe(200);
      return (await response.text()).includes(`href="/admin/orders/${order.id}"`); // its row's link
    };
    const today = new Date().toISOString().slice(0, 10);
    expect(await listed(`number=${order.number.toLowerCase()}`)).toBe(true);
    expect(await listed(`number=${order.number}&status=paid&from=${today}&to=${today}`)).toBe(true);
    expect(await listed(`email=${encodeURIComponent(order.email.toUpperCase())}`)).toBe(true);
    expect(await listed(`number=${order.number}&status=cancelled`)).toBe(false);
    expect(await listed(`number=${order.number}&email=%25`)).toBe(false); // % is a character, not a wildcard
    expect(await listed(`number=${order.number}&to=2020-01-01`)).toBe(false);
    // A value that cannot be a filter is left out, not an error.
    expect(await listed(`number=${order.number}&from=yesterday&status=lost`)).toBe(true);
    const page = await (await admin.fetch(`/admin/orders/${order.id}`)).text();
    expect(page).toContain(order.number);
    expect(page).toContain(`Cancel: order ${order.number}`);
    expect((await move(order.id, "fulfilled")).status).toBe(200);
    expect(await (await admin.fetch(`/admin/orders/${order.id}`)).text()).not.toContain(
      `Cancel: order ${order.number}`,
    );
    expect((await admin.fetch("/admin/orders/no-such-order")).status).toBe(404);
  });

  it("fulfils a paid order without touching its stock, and refuses moves that make no sense", async () => {
    const variant = await freshVariant(5);
    const order = await paidOrder(variant.id, 2);
    expect((await move(order.id, "fulfilled")).status).toBe(200);
    expect(await stockOf(variant.id)).toBe(3);
    expect((await move(order.id, "refunded")).status).toBe(409); // fulfilled, not paid
    expect((await move(order.id, "pending")).status).toBe(400);
    expect((await move("no-such-order", "cancelled")).status).toBe(404);
    expect(await stockOf(variant.id)).toBe(3);
  });
});
