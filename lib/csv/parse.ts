/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, line breaks and doubled quotes (`""` for `"`). A byte order mark at the start is
 * skipped (spreadsheets write one). Each record comes with the line it starts on, for error reports.
 */

export interface CsvRecord {
  /** The line of the file the record starts on, from 1. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/** More records than the caller takes: reading stopped there, before the rest was held in memory. */
export class CsvTooLongError extends Error {
  constructor(readonly maxRecords: number) {
    super(`more than ${maxRecords} records`);
    this.name = "CsvTooLongError";
  }
}

/**
 * The records of `text`; blank lines are skipped. Throws CsvSyntaxError on an unclosed or stray quote, and
 * CsvTooLongError past `maxRecords`.
 */
export function parseCsv(text: string, maxRecords = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  /** The current field was quoted: it is over at its closing quote, and may be empty yet present. */
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    if (records.length > maxRecords) throw new CsvTooLongError(maxRecords);
    fields = [];
  };
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  while (i < text.length) {
    const char = text[i];
    if (char === ",") {
      endField();
    } else if (char === "\n" || char === "\r") {
      endRecord();
      if (char === "\r" && text[i + 1] === "\n") i++;
      recordLine = ++line;
    } else if (quoted) {
      throw new CsvSyntaxError(line, "text after a quoted field's closing quote");
    } else if (char === '"' && field === "") {
      const opened = line;
      for (i++; ; i++) {
        if (i >= text.length) throw new CsvSyntaxError(opened, "a quoted field is never closed");
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') {
          break;
        } else {
          if (text[i] === "\n") line++;
          field += text[i];
        }
      }
      quoted = true;
    } else if (char === '"') {
      throw new CsvSyntaxError(line, "a quote inside an unquoted field");
    } else {
      field += char;
    }
    i++;
  }
  if (fields.length > 0 || field !== "" || quoted) endRecord();
  return records;
}
