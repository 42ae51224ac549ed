import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, readCsvRecords } from '../../../../electron/services/library/csvRecords';
import { detectEncoding } from '../../../../electron/services/text/decodeText';

/** Records and their start lines, the text fed in the given chunks. */
async function records(chunks: string[]): Promise<[number, string[]][]> {
  const out: [number, string[]][] = [];
  await readCsvRecords(Readable.from(chunks), 'f.csv', (fields, line) => out.push([line, fields]));
  return out;
}

/** Every way of cutting `text` in two. */
function cuts(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

describe('readCsvRecords (papaparse, chunk by chunk)', () => {
  const text = 'a,b,c\r\n1,"two\r\nlines",3\n\n4,"say ""hi""",6\r7,8\r\n"9",,\n';
  const expected: [number, string[]][] = [
    [1, ['a', 'b', 'c']],
    [2, ['1', 'two\nlines', '3']],
    [5, ['4', 'say "hi"', '6']],
    [6, ['7', '8']],
    [7, ['9', '', '']],
  ];

  it('reads mixed line endings, quoted line breaks, escaped quotes, ragged and blank records, wherever the chunks break', async () => {
    for (const chunks of cuts(text)) expect(await records(chunks), JSON.stringify(chunks)).toEqual(expected);
    // The same records as csv-parse reads (line endings inside fields aside).
    const reference = parse(text, { relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
    expect(reference.map((r) => r.map((f) => f.replace(/\r\n?/g, '\n')))).toEqual(expected.map(([, r]) => r));
  });

  it('numbers the lines of records whose line breaks move from column to column, with blank lines between, however the text is cut', async () => {
    // Record i has a break in column i % 3 on some records, in two columns on others, or none.
    const rows: string[][] = [];
    const want: [number, string[]][] = [];
    let text = '';
    let line = 1;
    for (let i = 0; i < 300; i++) {
      const fields = ['x', 'y', 'z'].map((f, k) => (i % 7 === 0 ? f : (i % 3 === k || i % 11 === k) ? `${f}\n${i}` : `${f}${i}`));
      rows.push(fields);
      want.push([line, fields]);
      text += `${fields.map((f) => (f.includes('\n') ? `"${f.replace('\n', i % 2 ? '\r\n' : '\n')}"` : f)).join(',')}${i % 13 === 0 ? '\r\n\n' : '\n'}`;
      line += 1 + fields.filter((f) => f.includes('\n')).length + (i % 13 === 0 ? 1 : 0);
    }
    for (const size of [5, 64, 333, 4096]) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(await records(chunks), `chunks of ${size}`).toEqual(want);
    }
  });

  it('reads a last record without a line break, a BOM, and a quote inside an unquoted field literally', async () => {
    expect(await records(['\ufeffa,b\n1,2'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(await records(['x,5" screen,y\n'])).toEqual([[1, ['x', '5" screen', 'y']]]);
  });

  it('refuses unclosed and malformed quotes on the line where the record starts', async () => {
    for (const chunks of cuts('a,b\n1,2\n3,"open\nmore\n')) {
      await expect(records(chunks)).rejects.toThrow('f.csv:3: a quoted field opens in this record and is never closed');
    }
    await expect(records(['a,b\n1,"x"y\n2,3\n'])).rejects.toThrow('f.csv:2: a quoted field in this record is not closed where it should be');
  });

  it('refuses a record that runs past 1 MB without reading the rest of the file into memory', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        yield 'a,b\n1,"never closed';
        for (;;) {
          pulled++;
          yield 'x'.repeat(1 << 16);
        }
      })(),
    );
    await expect(readCsvRecords(endless, 'f.csv', () => {})).rejects.toThrow('f.csv:2: this record is longer than 1 MB');
    expect(pulled * (1 << 16)).toBeLessThan(MAX_RECORD_CHARS * 2);
  });

  it('stops reading when a record is refused', async () => {
    let seen = 0;
    await expect(
      readCsvRecords(Readable.from(['h\n1\n2\n3\n']), 'f.csv', (_f, line) => {
        seen++;
        if (line === 3) throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(seen).toBe(3);
  });

  it('shares one encoding decision with the foundation decoder', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Ynys M\u00f4n', 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('Ynys M\u00f4n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
  });
});
