import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach } from 'vitest';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { sha256 } from '../../../helpers/files';

/** The real OHID Fingertips download (see test/fixtures/fingertips/SOURCE.txt). */
export const REAL_FILE = resolve(__dirname, '../../../fixtures/fingertips/campylobacter-93356-county-ua-2015-17.csv');
export const REAL_SHA256 = '26e306e1426f7607d3cddeb06cc5adbd15e5ecc88c3edc6d3352fab67f4f06c8';
export const REAL_RECORDS = 852;

export const HEADER = [
  'Indicator ID', 'Indicator Name', 'Parent Code', 'Parent Name', 'Area Code', 'Area Name', 'Area Type', 'Sex', 'Age',
  'Category Type', 'Category', 'Time period', 'Value', 'Lower CI 95.0 limit', 'Upper CI 95.0 limit', 'Lower CI 99.8 limit',
  'Upper CI 99.8 limit', 'Count', 'Denominator', 'Value note', 'Recent Trend', 'Compared to England value or percentiles',
  'Compared to Region value or percentiles', 'Time period Sortable', 'New data', 'Compared to goal',
];

/** The real file's records as objects keyed by its header (ground truth for the tests). */
export function realRecords(): Record<string, string>[] {
  const rows = parse(readFileSync(REAL_FILE), { relax_column_count: true }) as string[][];
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** A Fingertips-format row with sensible defaults: Leicester, persons, all ages, 2015. */
export function row(over: Row = {}): Row {
  return {
    'Indicator ID': '90001',
    'Indicator Name': 'Test indicator rate/100,000',
    'Parent Code': 'E12000004',
    'Parent Name': 'East Midlands region',
    'Area Code': 'E06000016',
    'Area Name': 'Leicester',
    'Area Type': 'County & UA',
    Sex: 'Persons',
    Age: 'All ages',
    'Time period': '2015',
    Value: '51.66',
    'Lower CI 95.0 limit': '44.33',
    'Upper CI 95.0 limit': '59.86',
    Count: '177',
    Denominator: '342627',
    'Compared to England value or percentiles': 'Better',
    'Time period Sortable': '20150000',
    ...over,
  };
}

/** CSV text in Fingertips layout; `header` may rename/reorder columns (rows are keyed by the canonical names). */
export function fingertipsCsv(rows: Row[], opts: { header?: string[]; eol?: string; canonical?: string[] } = {}): string {
  const eol = opts.eol ?? '\r\n';
  const canonical = opts.canonical ?? HEADER;
  const header = opts.header ?? canonical;
  const lines = [header.map(quote).join(',')];
  for (const r of rows) lines.push(canonical.map((h) => quote(r[h as keyof Row] ?? '')).join(','));
  return lines.join(eol) + eol;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export { sha256 };

/** Opens (creating) `library.jsnalib` in the test's temp folder; closed after each test. */
export function useLibrary(tmp: () => string): () => Library {
  let lib: Library | null = null;
  afterEach(() => {
    lib?.close();
    lib = null;
  });
  return () => (lib = openLibrary(join(tmp(), 'library.jsnalib')));
}
