/**
 * CSV as RFC 4180 says and Excel expects: fields quoted when they hold a comma, a double quote, a
 * carriage return or a line feed (quotes inside doubled), every record ending CRLF, and (for Excel
 * to read UTF-8 as UTF-8, curly apostrophes and accents intact) a byte order mark first.
 */
export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const BOM = '\uFEFF';

export function toCsv(rows: readonly (readonly CsvValue[])[], opts: { bom?: boolean } = {}): string {
  return (opts.bom === false ? '' : BOM) + rows.map(csvRecord).join('');
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a formula. Text
 * that starts so gets a leading apostrophe, which spreadsheets show as text (OWASP's advice for
 * CSV injection). Only text from people goes through this, never numbers or dates we wrote.
 */
export function neutraliseFormula(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
