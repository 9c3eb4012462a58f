import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "@/lib/backoffice/catalog-csv";
import { parseCsv } from "@/lib/csv/parse";
import { db } from "@/lib/db";
import { closeRedisClients } from "@/lib/redis/clients";
import { signedInAdmin } from "@/tests/support/admin-client";
import { AppServer } from "@/tests/support/app-server";
import type { BrowserClient } from "@/tests/support/browser-client";
import { freePort } from "@/tests/support/ports";
import { readJson } from "@/tests/support/routes";

// The back office's CSV export and import on a standalone server: the export reads back changing nothing, an
// import creates and changes products all or nothing, and bad files are refused whole, with every reason.
let server: AppServer;
let admin: BrowserClient;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  server = await AppServer.start("catalog CSV app", await freePort(), {});
  admin = await signedInAdmin(server.origin, `csv-admin-${run}@example.com`);
}, 90_000);

afterAll(async () => {
  await db.product.deleteMany({ where: { slug: { startsWith: `csv-${run}` } } });
  await server.stop();
  await Promise.all([db.$disconnect(), closeRedisClients()]);
});

type Counts = { products: number; variants: number };
type Outcome = { created: Counts; updated: Counts; unchanged: Counts };
type Refusal = { line: number; sku: string | null; problems: string[] };

const importCsv = (text: string, type = "text/csv") =>
  admin.fetch("/api/admin/products/import", { method: "POST", headers: { "content-type": type }, body: text });

type Row = Record<(typeof CSV_COLUMNS)[number], string>;
const csvOf = (rows: Row[]) =>
  [CSV_COLUMNS.join(","), ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]).join(","))].join("\n");

async function aCategory(): Promise<string> {
  return (await db.category.findFirstOrThrow({ orderBy: { id: "asc" } })).slug;
}

function newRow(over: Partial<Row>): Row {
  return {
    product_slug: `csv-${run}-shirt`,
    name: "Import test shirt",
    description: "Made by the CSV test.",
    category: "",
    status: "active",
    sku: `CSV-${run}-S`,
    options: "Size=S",
    price: "20.00",
    stock: "4",
    stock_at_export: "",
    ...over,
  };
}

/** The store's answer for a product, as a shopper's API call gets it. */
async function shown(slug: string) {
  const response = await fetch(`${server.origin}/api/products/${slug}`);
  if (response.status === 404) return null;
  return (await response.json()).product as {
    name: string;
    variants: { sku: string; priceCents: number; stock: number }[];
  };
}

describe("export", () => {
  it("writes every variant once, and imported back it changes nothing", async () => {
    const response = await admin.fetch("/api/admin/products/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="brisk-products-/);
    const text = await response.text();
    const [header, ...rows] = parseCsv(text);
    expect(header.fields).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(await db.variant.count());
    const sample = await db.variant.findFirstOrThrow({ orderBy: { id: "desc" }, include: { product: true } });
    const sampleRow = rows.find((row) => row.fields[5] === sample.sku)!.fields;
    expect(sampleRow[0]).toBe(sample.product.slug);
    expect(sampleRow[7]).toBe((sample.priceCents / 100).toFixed(2));
    expect(Number(sampleRow[8])).toBe(sample.stock);

    const { _max } = await db.auditEntry.aggregate({ _max: { id: true } });
    const back = await importCsv(text);
    expect(back.status).toBe(200);
    const outcome = await readJson<Outcome>(back);
    expect(outcome.created).toEqual({ products: 0, variants: 0 });
    expect(outcome.updated).toEqual({ products: 0, variants: 0 });
    expect(outcome.unchanged.variants).toBe(rows.length);
    expect(await db.auditEntry.count({ where: { id: { gt: _max.id ?? 0 } } })).toBe(0);
  });
});

describe("import", () => {
  it("creates a product, then changes a price and moves stock by the file's change, keeping a sale", async () => {
    const category = await aCategory();
    const slug = `csv-${run}-shirt`;
    const rows = [
      newRow({ category, description: '"A shirt, with ""quotes"""' }),
      newRow({
        category,
        description: '"A shirt, with ""quotes"""',
        sku: `CSV-${run}-M`,
        options: "Size=M",
        price: "22.50",
      }),
    ];
    const created = await importCsv(csvOf(rows));
    expect(created.status).toBe(200);
    expect(await readJson<Outcome>(created)).toMatchObject({ created: { products: 1, variants: 2 } });
    expect(await shown(slug)).toMatchObject({
      name: "Import test shirt",
      variants: [
        { sku: `CSV-${run}-S`, priceCents: 2000, stock: 4 },
        { sku: `CSV-${run}-M`, priceCents: 2250, stock: 4 },
      ],
    });

    const { id } = await db.product.findUniqueOrThrow({ where: { slug } });
    // As exported now (stock 4 and 4), then one unit of S goes (a sale, or here an adjustment) before the import.
    const exported = rows.map((row) => ({ ...row, stock_at_export: "4" }));
    const small = await db.variant.findUniqueOrThrow({ where: { sku: `CSV-${run}-S` } });
    const sold = await admin.fetch(`/api/admin/variants/${small.id}/stock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delta: -1, reason: "damaged" }),
    });
    expect(sold.status).toBe(200);
    const changed = await importCsv(csvOf([{ ...exported[0], price: "18.00" }, exported[1]]));
    expect(await readJson<Outcome>(changed)).toEqual({
      created: { products: 0, variants: 0 },
      updated: { products: 1, variants: 1 },
      unchanged: { products: 0, variants: 1 },
    });
    // The store shows the new price at once (the product's tag invalidated); the unit taken stays taken.
    expect((await shown(slug))?.variants[0]).toMatchObject({ priceCents: 1800, stock: 3 });
    // Stock edited from 4 to 6 in the file: 2 more than the variant holds now.
    const more = await importCsv(csvOf([{ ...exported[0], price: "18.00", stock: "6" }]));
    expect(more.status).toBe(200);
    expect((await shown(slug))?.variants[0]).toMatchObject({ stock: 5 });
    // A change that would go below zero refuses the import; a stock without the export's is refused too.
    const below = await importCsv(csvOf([{ ...exported[1], stock: "0", stock_at_export: "10" }]));
    expect(below.status).toBe(409);
    const unknownBase = await importCsv(csvOf([{ ...exported[1], stock: "9", stock_at_export: "" }]));
    expect((await readJson<{ error: { details: { refused: Refusal[] } } }>(unknownBase)).error.details.refused).toEqual(
      [{ line: 2, sku: `CSV-${run}-M`, problems: [expect.stringMatching(/^stock_at_export: needed/)] }],
    );
    expect((await shown(slug))?.variants.map((variant) => variant.stock)).toEqual([5, 4]);
    // Options that would make the product's two variants alike (the other one not in the file): refused.
    const twin = await importCsv(csvOf([{ ...exported[1], options: "Size=S", price: "30.00" }]));
    expect(twin.status).toBe(400);
    expect((await readJson<{ error: { details: { refused: Refusal[] } } }>(twin)).error.details.refused).toEqual([
      { line: 2, sku: `CSV-${run}-M`, problems: [`options: the same as CSV-${run}-S's, of the same product`] },
    ]);
    expect((await shown(slug))?.variants[1]).toMatchObject({ priceCents: 2250 });
    const entries = await db.auditEntry.findMany({
      where: { objectType: "product", objectId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual(["product.create", "product.import", "product.import"]);
    expect(entries[1].before).toMatchObject({ variants: [{ priceCents: 2000, stock: 3 }, { priceCents: 2250 }] });
    expect(entries[1].after).toMatchObject({ variants: [{ priceCents: 1800, stock: 3 }, { priceCents: 2250 }] });
    expect(entries[2].after).toMatchObject({ variants: [{ stock: 5 }, { stock: 4 }] });
  });

  it("refuses bad prices, unknown categories and duplicate SKUs with every reason, importing nothing", async () => {
    const category = await aCategory();
    const taken = await db.variant.findFirstOrThrow({ orderBy: { id: "asc" }, include: { product: true } });
    const good = newRow({ product_slug: `csv-${run}-good`, sku: `CSV-${run}-GOOD`, category });
    const text = csvOf([
      good,
      newRow({ product_slug: `csv-${run}-a`, sku: `CSV-${run}-A`, category, price: "-5" }),
      newRow({ product_slug: `csv-${run}-b`, sku: `CSV-${run}-B`, category, price: "1.999" }),
      newRow({ product_slug: `csv-${run}-c`, sku: `CSV-${run}-C`, category: "no-such-category" }),
      newRow({ product_slug: `csv-${run}-good`, sku: `CSV-${run}-GOOD`, category, options: "Size=M" }),
      newRow({ product_slug: `csv-${run}-d`, sku: taken.sku, category }),
    ]);
    const response = await importCsv(text);
    expect(response.status).toBe(400);
    const { error } = await readJson<{ error: { code: string; message: string; details: { refused: Refusal[] } } }>(
      response,
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("5 rows refused: nothing was imported.");
    expect(error.details.refused).toEqual([
      { line: 3, sku: `CSV-${run}-A`, problems: ["price: a number of at most two decimals, like 12.50"] },
      { line: 4, sku: `CSV-${run}-B`, problems: ["price: a number of at most two decimals, like 12.50"] },
      { line: 5, sku: `CSV-${run}-C`, problems: ["category: no category no-such-category"] },
      { line: 6, sku: `CSV-${run}-GOOD`, problems: [`sku: CSV-${run}-GOOD is also on line 2`] },
      { line: 7, sku: taken.sku, problems: [`sku: ${taken.sku} belongs to product ${taken.product.slug}`] },
    ]);
    // Nothing half-written: not even the good row's product.
    expect(
      await db.product.count({ where: { slug: { in: ["good", "a", "b", "c", "d"].map((s) => `csv-${run}-${s}`) } } }),
    ).toBe(0);
    expect(await shown(`csv-${run}-good`)).toBeNull();
  });

  it("refuses a file that is not the catalog's CSV, the wrong type, and one too large", async () => {
    const cases: [string, string, number, RegExp][] = [
      ["sku,price\nX,1\n", "text/csv", 400, /must name the columns/],
      [`${CSV_COLUMNS.join(",")}\n"never closed`, "text/csv", 400, /^Not CSV: line 2/],
      [csvOf([newRow({ category: "tees" })]), "application/json", 415, /text\/csv/],
      ["x".repeat(16 * 1024 * 1024 + 1), "text/csv", 413, /at most/],
    ];
    for (const [body, type, status, message] of cases) {
      const response = await importCsv(body, type);
      expect(response.status, `${type} ${body.slice(0, 20)}`).toBe(status);
      expect((await readJson<{ error: { message: string } }>(response)).error.message).toMatch(message);
    }
  });
});
