import { describe, expect, it } from "vitest";
import { csvField, csvText, formatCsv } from "./format";
import { CsvSyntaxError, parseCsv } from "./parse";

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe("parseCsv", () => {
  it("reads quoted commas, quotes and line breaks, CRLF or LF, and skips a BOM and blank lines", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,,""\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\nlines"] },
      { line: 5, fields: ["1", "", ""] },
    ]);
  });

  it("ends a record at a lone CR too, and keeps line breaks inside quotes as they are", () => {
    expect(parseCsv('a,b\rc,d\r"x\r\ny",e')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 3, fields: ["x\r\ny", "e"] },
    ]);
  });

  it("reads a last record without a line break, and a record of one empty quoted field", () => {
    expect(fields('a,b\n""\nc,d')).toEqual([["a", "b"], [""], ["c", "d"]]);
  });

  it("refuses an unclosed quote, a stray quote, and text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(new CsvSyntaxError(2, "a quoted field is never closed"));
    expect(() => parseCsv('a\nb"c')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b')).toThrow(/line 1: text after a quoted field's closing quote/);
  });
});

describe("formatCsv", () => {
  it("quotes only what needs it, and reads back as written", () => {
    const rows = [
      ["plain", 12, 'a "quote"', "comma, here", "line\nbreak", ""],
      ["=SUM(A1)", "-1 discount", "@me", "+x", "'kept", "'=quoted"],
    ];
    const text = formatCsv(rows);
    expect(text.split("\r\n")[0]).toBe('plain,12,"a ""quote""","comma, here","line\nbreak",');
    expect(parseCsv(text).map((record) => record.fields.map(csvText))).toEqual(rows.map((row) => row.map(String)));
  });

  it("makes text that starts like a formula inert for a spreadsheet", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-5)).toBe("-5"); // numbers are numbers
    expect(csvText("'=1")).toBe("=1");
    expect(csvText("'plain")).toBe("'plain");
  });
});
