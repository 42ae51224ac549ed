import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRecord, neutraliseFormula, toCsv } from '../../../../electron/services/export/csv';

describe('CSV (RFC 4180, for Excel)', () => {
  it('quotes only fields that need it, doubling quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' spaced ')).toBe(' spaced ');
    expect(csvField('Children’s café')).toBe('Children’s café');
  });

  it('ends every record with CRLF and starts the file with a BOM', () => {
    expect(csvRecord(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
    const text = toCsv([['h1', 'h2'], ['x', 'y']]);
    expect(text).toBe(`${BOM}h1,h2\r\nx,y\r\n`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('round-trips awkward values through a real CSV parser', () => {
    const rows = [
      ['Recommendation', 'Note'],
      ['Children’s “health”, and more', 'multi\r\nline, "quoted"'],
      ['', ',,,'],
      ['"', '\n'],
    ];
    const parsed = parse(toCsv(rows), { bom: true, relax_column_count: false }) as string[][];
    expect(parsed).toEqual(rows);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('Reduce infant mortality')).toBe('Reduce infant mortality');
    expect(neutraliseFormula(null)).toBeNull();
  });
});
