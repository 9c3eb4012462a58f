import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./catalog-csv";
import { readImportRows } from "./catalog-import-rows";

const HEADER = CSV_COLUMNS.join(",");
const row = (over: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) =>
  CSV_COLUMNS.map(
    (column) =>
      ({
        product_slug: "linen-shirt",
        name: "Linen shirt",
        description: "A shirt of linen.",
        category: "shirts",
        status: "active",
        sku: "LINEN-S",
        options: "Size=S",
        price: "49.50",
        stock: "7",
        ...over,
      })[column],
  ).join(",");
const read = (...lines: string[]) => readImportRows([HEADER, ...lines].join("\n"));

describe("readImportRows", () => {
  it("reads a product's rows: prices in cents, options in order, an empty stock left as it is", () => {
    const result = read(row(), row({ sku: "LINEN-M", options: "Size=M", price: "52", stock: "" }));
    expect(result).toEqual({
      ok: true,
      refused: [],
      rows: [
        expect.objectContaining({
          line: 2,
          sku: "LINEN-S",
          options: { Size: "S" },
          optionNames: ["Size"],
          priceCents: 4950,
          stock: 7,
        }),
        expect.objectContaining({ line: 3, sku: "LINEN-M", priceCents: 5200, stock: null }),
      ],
    });
  });

  it("refuses bad prices, stock, statuses and slugs, naming each problem of each row", () => {
    const result = read(
      row({ price: "-1" }),
      row({ sku: "B", price: "12.345" }),
      row({ sku: "C", price: "abc", stock: "-2" }),
      row({ sku: "D", price: "1000001" }),
      row({ sku: "E", status: "sold", product_slug: "Not A Slug" }),
      row({ sku: "F", options: "Size" }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.rows).toEqual([]);
    expect(result.refused.map(({ line, problems }) => [line, problems.map((p) => p.split(":")[0])])).toEqual([
      [2, ["price"]],
      [3, ["price"]],
      [4, ["price", "stock"]],
      [5, ["price"]],
      [6, ["product_slug", "status"]],
      [7, ["options"]],
    ]);
  });

  it("refuses a SKU used twice, twin options and a product's rows that disagree, pointing at the earlier line", () => {
    const result = read(
      row(),
      row({ sku: "linen-s", options: "Size=M" }),
      row({ sku: "LINEN-L", options: "Size=L", category: "tees" }),
      row({ sku: "LINEN-XL", options: "Colour=Red" }),
      row({ sku: "LINEN-S2" }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.refused).toEqual([
      { line: 3, sku: "linen-s", problems: ["sku: linen-s is also on line 2"] },
      { line: 4, sku: "LINEN-L", problems: ["category: differs from line 2, the product's first row"] },
      { line: 5, sku: "LINEN-XL", problems: ["options: named as on line 2 (Size)"] },
      { line: 6, sku: "LINEN-S2", problems: ["options: the same as line 2's, of the same product"] },
    ]);
  });

  it("refuses a file it cannot read as the catalog's CSV as a whole", () => {
    expect(readImportRows("")).toEqual({ ok: false, message: "The file is empty." });
    expect(readImportRows(HEADER)).toEqual({ ok: false, message: "The file has no rows after its header." });
    expect(readImportRows("sku,price\nA,1")).toMatchObject({ ok: false, message: /must name the columns/ });
    expect(readImportRows(`${HEADER},${CSV_COLUMNS[0]}\n`)).toMatchObject({ ok: false, message: /once each/ });
    expect(readImportRows(`${HEADER}\n"open`)).toMatchObject({ ok: false, message: /^Not CSV: line 2/ });
    const short = read("a,b");
    expect(short.ok && short.refused).toEqual([{ line: 2, sku: null, problems: ["10 fields expected, 2 found"] }]);
  });
});
