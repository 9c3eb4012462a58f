import { optionsKey, sameNames, SKU_PATTERN } from "../catalog/product-create";
import { isSlug } from "../catalog/slug";
import { isStatusName, type ProductStatusName } from "../catalog/status";
import { csvText } from "../csv/format";
import { CsvSyntaxError, CsvTooLongError, parseCsv, type CsvRecord } from "../csv/parse";
import { CSV_COLUMNS, type CsvColumn } from "./catalog-csv";

/**
 * An import's rows read and checked on their own and against each other, before anything is looked up:
 * each field's form, SKUs used once, and a product's rows agreeing on the product's fields and option
 * names. What needs the database (categories, SKUs of other products) is catalog-import.ts'.
 */

/** Rows one import may hold. */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_PRICE_CENTS = 100_000_000;
const MAX_STOCK = 1_000_000;
const MAX_OPTIONS = 5;
const PRICE = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

export interface ImportRow {
  line: number;
  slug: string;
  name: string;
  description: string;
  category: string;
  status: ProductStatusName;
  sku: string;
  /** Option name → value; `optionNames` in the row's order. */
  options: Record<string, string>;
  optionNames: string[];
  priceCents: number;
  /** null: the stock is left as it is (a new variant starts at 0). */
  stock: number | null;
  /** The stock the export saw: an existing variant's stock moves by `stock` less this. */
  stockAtExport: number | null;
}

/** A row refused, and every reason why. */
export interface Refusal {
  line: number;
  sku: string | null;
  problems: string[];
}

export type ReadRows = { ok: true; rows: ImportRow[]; refused: Refusal[] } | { ok: false; message: string };

function readPrice(text: string): number | string {
  const match = PRICE.exec(text);
  if (!match) return "price: a number of at most two decimals, like 12.50";
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return cents > MAX_PRICE_CENTS ? `price: at most ${MAX_PRICE_CENTS / 100}` : cents;
}

function readStock(text: string, column: CsvColumn): number | null | string {
  if (text === "") return null;
  if (!/^\d{1,7}$/.test(text) || Number(text) > MAX_STOCK) return `${column}: a whole number from 0 to ${MAX_STOCK}`;
  return Number(text);
}

function readOptions(text: string): { options: Record<string, string>; names: string[] } | string {
  // A Map, not an object: an option may be named "constructor" or "__proto__".
  const options = new Map<string, string>();
  for (const pair of text.split(";").map((part) => part.trim())) {
    if (pair === "") continue;
    const [name, value] = pair.split("=").map((part) => part?.trim());
    if (!name || !value || pair.split("=").length !== 2) return "options: Name=Value pairs separated by ;";
    if (options.has(name)) return `options: ${name} given twice`;
    if (name.length > 40 || value.length > 80) return "options: names of at most 40 characters, values of 80";
    options.set(name, value);
  }
  if (options.size > MAX_OPTIONS) return `options: at most ${MAX_OPTIONS}`;
  return { options: Object.fromEntries(options), names: [...options.keys()] };
}

/** One record as a row, or the problems with its fields. */
function readRow(record: CsvRecord, column: (name: CsvColumn) => string): ImportRow | Refusal {
  const problems: string[] = [];
  const text = (name: CsvColumn) => csvText(column(name)).trim();
  // PostgreSQL keeps no NUL character in text: refused here, not failed on later.
  if (CSV_COLUMNS.some((name) => column(name).includes("\u0000"))) {
    return { line: record.line, sku: null, problems: ["a field holds a NUL character"] };
  }
  const [slug, name, description, category, status, sku] = (
    ["product_slug", "name", "description", "category", "status", "sku"] as const
  ).map(text);
  if (!isSlug(slug)) problems.push("product_slug: lowercase letters, digits and single dashes");
  if (name === "" || name.length > 200) problems.push("name: required, at most 200 characters");
  if (description === "" || description.length > 5_000) problems.push("description: required, at most 5000 characters");
  if (!isSlug(category)) problems.push("category: a category's slug");
  if (!isStatusName(status)) problems.push("status: draft, active or archived");
  if (!SKU_PATTERN.test(sku)) problems.push("sku: letters, digits, dots, dashes and underscores");
  const options = readOptions(text("options"));
  const price = readPrice(text("price"));
  const stock = readStock(text("stock"), "stock");
  const stockAtExport = readStock(text("stock_at_export"), "stock_at_export");
  for (const read of [options, price, stock, stockAtExport]) if (typeof read === "string") problems.push(read);
  if (problems.length > 0) return { line: record.line, sku: sku || null, problems };
  const { options: values, names } = options as Exclude<typeof options, string>;
  return {
    line: record.line,
    slug,
    name,
    description,
    category,
    status: status as ImportRow["status"],
    sku,
    options: values,
    optionNames: names,
    priceCents: price as number,
    stock: stock as number | null,
    stockAtExport: stockAtExport as number | null,
  };
}

/** What keeps a row from standing with the rows before it: a SKU used twice, a product's rows disagreeing. */
function crossCheck(rows: ImportRow[]): Map<ImportRow, string[]> {
  const problems = new Map<ImportRow, string[]>();
  const add = (row: ImportRow, problem: string) => problems.set(row, [...(problems.get(row) ?? []), problem]);
  const skus = new Map<string, ImportRow>();
  const firstOf = new Map<string, ImportRow>();
  const combinations = new Map<string, ImportRow>();
  for (const row of rows) {
    const sameSku = skus.get(row.sku.toUpperCase());
    if (sameSku) add(row, `sku: ${row.sku} is also on line ${sameSku.line}`);
    else skus.set(row.sku.toUpperCase(), row);
    const combination = `${row.slug}\n${optionsKey(row.options)}`;
    const twin = combinations.get(combination);
    if (twin) add(row, `options: the same as line ${twin.line}'s, of the same product`);
    else combinations.set(combination, row);
    const first = firstOf.get(row.slug);
    if (!first) {
      firstOf.set(row.slug, row);
      continue;
    }
    for (const field of ["name", "description", "category", "status"] as const) {
      if (row[field] !== first[field]) add(row, `${field}: differs from line ${first.line}, the product's first row`);
    }
    if (!sameNames(row.optionNames, first.optionNames)) {
      add(row, `options: named as on line ${first.line} (${first.optionNames.join(", ") || "none"})`);
    }
  }
  return problems;
}

/** The rows of an import file, or why the file as a whole cannot be read. */
export function readImportRows(text: string): ReadRows {
  let records: CsvRecord[];
  try {
    records = parseCsv(text, MAX_IMPORT_ROWS + 1);
  } catch (error) {
    if (error instanceof CsvTooLongError) return { ok: false, message: `At most ${MAX_IMPORT_ROWS} rows per import.` };
    if (error instanceof CsvSyntaxError) return { ok: false, message: `Not CSV: ${error.message}.` };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: "The file is empty." };
  const names = header.fields.map((field) => field.trim());
  const missing = CSV_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0 || new Set(names).size !== names.length) {
    return { ok: false, message: `The first line must name the columns once each: ${CSV_COLUMNS.join(", ")}.` };
  }
  if (body.length === 0) return { ok: false, message: "The file has no rows after its header." };
  const rows: ImportRow[] = [];
  const refused: Refusal[] = [];
  for (const record of body) {
    if (record.fields.length !== names.length) {
      refused.push({
        line: record.line,
        sku: null,
        problems: [`${names.length} fields expected, ${record.fields.length} found`],
      });
      continue;
    }
    const row = readRow(record, (column) => record.fields[names.indexOf(column)]);
    if ("problems" in row) refused.push(row);
    else rows.push(row);
  }
  for (const [{ line, sku }, problems] of crossCheck(rows)) refused.push({ line, sku, problems });
  return { ok: true, rows, refused: refused.sort((a, b) => a.line - b.line) };
}
