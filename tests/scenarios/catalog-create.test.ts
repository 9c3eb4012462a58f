import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { signedInAdmin } from "@/tests/support/admin-client";
import { AppServer } from "@/tests/support/app-server";
import type { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";
import { readJson } from "@/tests/support/routes";

// New products, variants and categories from the back office on a standalone server: a draft stays out of the
// store until it is published, a variant is added, a category shows at once and is renamed everywhere, and
// what is in use or unknown is refused with nothing written.
let server: AppServer;
let admin: BrowserClient;
let categoryId: number;
const run = randomUUID().slice(0, 8);
const slug = `new-${run}`;

beforeAll(async () => {
  server = await AppServer.start("catalog create app", await freePort(), {});
  admin = await signedInAdmin(server.origin, `create-admin-${run}@example.com`);
  categoryId = (await db.category.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
}, 90_000);

afterAll(async () => {
  await db.product.deleteMany({ where: { slug: { startsWith: `new-${run}` } } });
  await db.category.deleteMany({ where: { slug: { startsWith: `new-${run}` } } });
  await server.stop();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

const send = (address: string, body: unknown, method = "POST") =>
  admin.fetch(address, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const newProduct = (over: Record<string, unknown> = {}) => ({
  slug,
  name: "A new lamp",
  description: "Made by the product-create test.",
  categoryId,
  optionNames: ["Colour"],
  variant: { sku: `NEW-${run}-RED`, options: { Colour: "Red" }, priceCents: 4500, stock: 2 },
  ...over,
});

/** The store's answer for the product (its API, as a shopper gets it): null for a 404. */
type InStore = { category: { slug: string }; variants: { sku: string; priceCents: number }[] };
async function inStore(): Promise<InStore | null> {
  const response = await fetch(`${server.origin}/api/products/${slug}`);
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return (await response.json()).product;
}

describe("new products", () => {
  let productId: number;

  it("creates a draft the store does not show, until it is published in another category", async () => {
    const created = await send("/api/admin/products", newProduct());
    expect(created.status).toBe(201);
    productId = (await readJson<{ product: { id: number } }>(created)).product.id;
    expect(await db.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ status: "DRAFT" });
    expect(await inStore()).toBeNull();
    const listed = await (await fetch(`${server.origin}/api/products?q=lamp&pageSize=100`)).json();
    expect(listed.products.map((product: { slug: string }) => product.slug)).not.toContain(slug);

    type Opened = { product: { version: number; name: string; description: string } };
    const { product } = await readJson<Opened>(await admin.fetch(`/api/admin/products/${productId}`));
    const { version, name, description } = product;
    const moved = await db.category.findFirstOrThrow({ where: { id: { not: categoryId } } });
    const publish = { version, name, description, categoryId: moved.id, status: "active", variants: [] };
    const unknown = await send(`/api/admin/products/${productId}`, { ...publish, categoryId: 999_999 }, "PATCH");
    expect((await readJson<{ error: { message: string } }>(unknown)).error.message).toMatch(/no such category/);
    expect(await inStore()).toBeNull();
    const published = await send(`/api/admin/products/${productId}`, publish, "PATCH");
    expect(published.status).toBe(200);
    expect(await inStore()).toMatchObject({
      category: { slug: moved.slug },
      variants: [{ sku: `NEW-${run}-RED`, priceCents: 4500 }],
    });
    const entries = await db.auditEntry.findMany({ where: { objectType: "product", objectId: String(productId) } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(["product.create", "product.edit"]);
  });

  it("adds a variant with the product's options, refusing a SKU in use and options that differ", async () => {
    const variants = `/api/admin/products/${productId}/variants`;
    const blue = { sku: `NEW-${run}-BLUE`, options: { Colour: "Blue" }, priceCents: 4700, stock: 1 };
    for (const [body, message] of [
      [{ ...blue, sku: `new-${run}-red` }, /already in use/],
      [{ ...blue, options: { Size: "M" } }, /a value for each of Colour/],
      [{ ...blue, options: {} }, /a value for each of Colour/],
      [{ ...blue, options: { Colour: "Red" } }, new RegExp(`NEW-${run}-RED is already Colour=Red`)],
      [{ ...blue, priceCents: -1 }, /priceCents/],
    ] as const) {
      const refused = await send(variants, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await readJson<{ error: { message: string } }>(refused)).error.message).toMatch(message);
    }
    expect((await inStore())?.variants).toHaveLength(1);
    const added = await send(variants, blue);
    expect(added.status).toBe(201);
    expect((await inStore())?.variants.map((variant) => [variant.sku, variant.priceCents])).toEqual([
      [`NEW-${run}-RED`, 4500],
      [`NEW-${run}-BLUE`, 4700],
    ]);
  });

  it("lists the product by name or SKU, status, category and stock", async () => {
    const { categoryId: now } = await db.product.findUniqueOrThrow({ where: { id: productId } });
    const finds = async (query: string) => {
      const page = await admin.fetch(`/admin/products?q=NEW-${run}-BLUE&${query}`);
      expect(page.status).toBe(200);
      return (await page.text()).includes("A new lamp");
    };
    expect(await finds(`status=active&category=${now}&stock=in`)).toBe(true);
    expect(await finds("stock=out")).toBe(false);
    expect(await finds("status=draft")).toBe(false);
    expect(await finds(`category=${categoryId}`)).toBe(false);
    // What is typed is found as typed: % and _ are not wildcards.
    const wildcard = await admin.fetch("/admin/products?q=%25");
    expect(await wildcard.text()).not.toContain("A new lamp");
    expect(await (await admin.fetch(`/admin/products?q=new-${run}_blue`)).text()).not.toContain("A new lamp");
  });

  it("refuses a slug or SKU in use, an unknown category and bad fields, creating nothing", async () => {
    const other = `${slug}-other`;
    const cases: [Record<string, unknown>, RegExp][] = [
      [newProduct(), /slug: .* is already in use/],
      [newProduct({ slug: other }), /sku: .* is already in use/],
      [
        newProduct({ slug: other, variant: { ...newProduct().variant, sku: `NEW-${run}-X` }, categoryId: 999_999 }),
        /no such category/,
      ],
      [newProduct({ slug: "Not A Slug" }), /slug/],
      [newProduct({ slug: other, optionNames: ["Colour", "Colour"] }), /each option once/],
      [newProduct({ slug: other, status: "sold" }), /status/],
    ];
    for (const [body, message] of cases) {
      const refused = await send("/api/admin/products", body);
      expect(refused.status, String(message)).toBe(400);
      expect((await readJson<{ error: { message: string } }>(refused)).error.message).toMatch(message);
    }
    expect(await db.product.count({ where: { slug: { startsWith: `new-${run}` } } })).toBe(1);
  });
});

describe("categories", () => {
  const page = async (address: string) => {
    const response = await fetch(server.origin + address);
    return { status: response.status, html: await response.text() };
  };

  it("creates a category the store shows at once, and renames it on its page", async () => {
    const categorySlug = `new-${run}-lamps`;
    expect((await page(`/categories/${categorySlug}`)).status).toBe(404);
    const body = { slug: categorySlug, name: "Lamps of the test", description: "Lights.", position: 90 };
    const created = await send("/api/admin/categories", body);
    expect(created.status).toBe(201);
    const { category } = await readJson<{ category: { id: number } }>(created);
    const shown = await page(`/categories/${categorySlug}`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("Lamps of the test");

    const renamed = await send(
      `/api/admin/categories/${category.id}`,
      { ...body, slug: undefined, name: "Test lamps" },
      "PATCH",
    );
    expect(renamed.status).toBe(200);
    // The page was in the route cache: the rename's invalidation reached it.
    const again = await page(`/categories/${categorySlug}`);
    expect(again.html).toContain("Test lamps");
    expect(again.html).not.toContain("Lamps of the test");
    const entries = await db.auditEntry.findMany({ where: { objectType: "category", objectId: String(category.id) } });
    expect(entries.map((entry) => entry.action)).toEqual(["category.create", "category.edit"]);
  });

  it("refuses a slug in use and bad fields, changing nothing", async () => {
    const existing = await db.category.findFirstOrThrow({ orderBy: { id: "asc" } });
    const body = { slug: existing.slug, name: "Twice", description: "Again.", position: 1 };
    for (const [sent, message] of [
      [send("/api/admin/categories", body), /already in use/],
      [send("/api/admin/categories", { ...body, slug: `new-${run}-x`, name: "" }), /name/],
      [
        send(`/api/admin/categories/${existing.id}`, { name: "X", description: "Y", position: -1 }, "PATCH"),
        /position/,
      ],
      [send("/api/admin/categories/999999999", { name: "X", description: "Y", position: 1 }, "PATCH"), /no category/],
    ] as const) {
      const response = await sent;
      expect(response.status, String(message)).toBe(/no category/.test(String(message)) ? 404 : 400);
      expect((await readJson<{ error: { message: string } }>(response)).error.message).toMatch(message);
    }
    expect(await db.category.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
    expect(await db.category.count({ where: { slug: `new-${run}-x` } })).toBe(0);
  });
});
