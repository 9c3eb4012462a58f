/**
 * Writes CSV as RFC 4180 does, CRLF between records: a field is quoted when it holds a comma, a quote or a
 * line break, or starts with a character a spreadsheet reads as a formula (`=`, `+`, `-`, `@`, tab, CR),
 * which is then also prefixed with `'` so that opening an export never runs what a product's text holds.
 */

const NEEDS_QUOTES = /[",\r\n]/;
/** A formula-like start, after any apostrophes: `'=x` is written `''=x`, so that reading gives `'=x` back. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The text a field written by csvField stands for: the `'` put before a formula-like start taken off. */
export function csvText(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field) ? field.slice(1) : field;
}
