import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, HEADER, REAL_FILE, row, sha256, writeFile } from './helpers';

/** The real file's bytes, and where Leicester's 2015 all-ages record starts: physical line 94 (k = 47, lines 2k and 2k+1). */
const real = () => readFileSync(REAL_FILE);
const LEICESTER_LINE = 94;

function leicesterRecordOffset(buf: Buffer): number {
  const text = buf.toString('latin1');
  const second = text.indexOf('",E12000004,East Midlands region,E06000016,Leicester,County & UA,Persons,All ages,,,2015,');
  return text.lastIndexOf('93356,"Campylobacter', second);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the import to be rejected');
}

for (const journal of ['wal', 'delete'] as const) {
  describe(`broken inputs are rejected with file:line and leave the library byte-identical (${journal} journal)`, () => {
    const tmp = useTempDir();
    let library = '';
    let before = '';
    const saved = process.env.JSNA_JOURNAL_MODE;
    beforeEach(async () => {
      process.env.JSNA_JOURNAL_MODE = journal;
      library = join(tmp(), 'library.jsnalib');
      await importToPath(library, [REAL_FILE]);
      before = sha256(library);
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.JSNA_JOURNAL_MODE;
      else process.env.JSNA_JOURNAL_MODE = saved;
    });

    async function expectRejected(file: string, line: number, what: RegExp): Promise<void> {
      const e = await rejection(importToPath(library, [file]));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message.startsWith(`${file}:${line}: `), e.message).toBe(true);
      expect(e.message).toMatch(what);
      expect(sha256(library)).toBe(before);
      for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(library + suffix), suffix).toBe(false);
    }

    async function expectRejectedWhole(file: string, what: RegExp): Promise<void> {
      const e = await rejection(importToPath(library, [file]));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message.startsWith(`${file}: `), e.message).toBe(true);
      expect(e.message).not.toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d`));
      expect(e.message).toMatch(what);
      expect(sha256(library)).toBe(before);
    }

    it('a file cut off in the middle of a record', async () => {
      const buf = real();
      const at = leicesterRecordOffset(buf);
      const cut = buf.subarray(0, buf.indexOf('E06000016,Leic', at) + 'E06000016,Leic'.length);
      await expectRejected(writeFile(tmp(), 'truncated.csv', cut), LEICESTER_LINE, /has only 6 of the header's 26 fields; is the file cut short\?/);
    });

    it('a file cut off inside its last field that must be there (the sortable period)', async () => {
      const buf = real();
      const at = buf.indexOf(',20150000,', leicesterRecordOffset(buf));
      await expectRejected(writeFile(tmp(), 'cut-sortable.csv', buf.subarray(0, at + 5)), LEICESTER_LINE, /"2015" is not a sortable period \(YYYYQQMM/);
    });

    it('a file cut off inside a quoted field', async () => {
      const buf = real();
      const at = leicesterRecordOffset(buf);
      await expectRejected(writeFile(tmp(), 'truncated-quote.csv', buf.subarray(0, at + 25)), LEICESTER_LINE, /quoted field opens in this record and is never closed/);
    });

    it('an unclosed quote in the middle of a file', async () => {
      const text = fingertipsCsv([row({ 'Area Code': 'E06000001' }), row({ 'Area Code': 'E06000002' }), row({ 'Area Code': 'E06000003' }), row({ 'Area Code': 'E06000004' })]);
      const broken = text.replace('E06000003,Leicester', 'E06000003,"Leicester');
      await expectRejected(writeFile(tmp(), 'unclosed.csv', broken), 4, /quoted field in this record is not closed where it should be/);
      // At the end of the file, the quote runs to the end.
      await expectRejected(writeFile(tmp(), 'unclosed-last.csv', text.replace('E06000004,Leicester', 'E06000004,"Leicester')), 5, /never closed/);
    });

    it('a stray quote after a closed field', async () => {
      const text = fingertipsCsv([row({ 'Area Code': 'E06000001' }), row({ 'Area Code': 'E06000002' })]).replace('E06000002,Leicester', 'E06000002,"Leicester"x');
      await expectRejected(writeFile(tmp(), 'stray.csv', text), 3, /followed by other text/);
    });

    it('a value that is not a number, on the physical line where its record starts', async () => {
      const text = real().toString('latin1').replace(',2015,51.6596765578895,', ',2015,abc,');
      await expectRejected(writeFile(tmp(), 'nan.csv', Buffer.from(text, 'latin1')), LEICESTER_LINE, /column "Value": "abc" is not a number\.$/);
    });

    it('non-numeric count, CI and sortable period', async () => {
      await expectRejected(writeFile(tmp(), 'count.csv', fingertipsCsv([row(), row({ 'Area Code': 'E1', Count: '1O7' })])), 3, /column "Count": "1O7" is not a number/);
      await expectRejected(writeFile(tmp(), 'ci.csv', fingertipsCsv([row({ 'Upper CI 95.0 limit': 'n/a' })])), 2, /column "Upper CI 95.0 limit": "n\/a" is not a number/);
      await expectRejected(writeFile(tmp(), 'sortable.csv', fingertipsCsv([row({ 'Time period Sortable': '2015-00' })])), 2, /"2015-00" is not a sortable period/);
    });

    it('a header that is not a Fingertips header names the missing columns', async () => {
      const header = HEADER.map((h) => (h === 'Area Code' ? 'Area' : h)).filter((h) => h !== 'Value');
      const canonical = HEADER.filter((h) => h !== 'Value');
      await expectRejected(writeFile(tmp(), 'header.csv', fingertipsCsv([row()], { header, canonical })), 1, /not a Fingertips data file: the header lacks the columns "Area Code", "Value"\./);
      await expectRejected(writeFile(tmp(), 'other.csv', 'name,address\nAlice,1 High St\n'), 1, /neither a Fingertips download .* nor a tidy indicator file/);
    });

    it('an empty file, a blank file and a header with no rows', async () => {
      await expectRejected(writeFile(tmp(), 'empty.csv', ''), 1, /the file is empty\.$/);
      await expectRejected(writeFile(tmp(), 'blank.csv', '\r\n\r\n'), 1, /the file is empty\.$/);
      await expectRejected(writeFile(tmp(), 'header-only.csv', fingertipsCsv([])), 2, /has a header but no data rows/);
    });

    it('binary, zipped and UTF-16 files are named without a line number (the whole file is wrong, not a line)', async () => {
      await expectRejectedWhole(writeFile(tmp(), 'image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /binary file, not text/);
      const nulOnLine3 = Buffer.concat([Buffer.from(fingertipsCsv([row(), row({ 'Area Code': 'E1' })])), Buffer.from([0, 1, 2])]);
      await expectRejectedWhole(writeFile(tmp(), 'nul.csv', nulOnLine3), /binary file/);
      await expectRejectedWhole(writeFile(tmp(), 'book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])), /Excel \.xlsx workbook/);
      await expectRejectedWhole(writeFile(tmp(), 'library-as-csv.csv', readFileSync(library)), /binary file/);
      await expectRejectedWhole(writeFile(tmp(), 'utf16.csv', Buffer.from('\ufeffIndicator ID,Value\r\n', 'utf16le')), /UTF-16/);
    });

    it('a BOM-marked file that is not UTF-8 after all', async () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fingertipsCsv([row(), row({ 'Area Code': 'W06000001', 'Area Name': 'Ynys M\u00f4n' })]), 'latin1')]);
      await expectRejected(writeFile(tmp(), 'bom-latin1.csv', bytes), 3, /not valid UTF-8/);
    });

    it('a duplicate row, a ragged row with extra fields, an empty required field', async () => {
      await expectRejected(writeFile(tmp(), 'dup.csv', fingertipsCsv([row(), row({ Value: '52' })])), 3, /repeats an earlier one: indicator 90001, area E06000016, Persons, All ages, period "2015"/);
      const extra = fingertipsCsv([row(), row({ 'Area Code': 'E1' })]).replace(/\r\n$/, ',x,y\r\n');
      await expectRejected(writeFile(tmp(), 'extra.csv', extra), 3, /has 28 fields but the header has 26/);
      await expectRejected(writeFile(tmp(), 'noarea.csv', fingertipsCsv([row({ 'Area Code': ' ' })])), 2, /column "Area Code" is empty/);
    });

    it('a repeated row among many is named before a later problem, wherever it falls in the batched inserts', async () => {
      const rows = Array.from({ length: 40 }, (_, i) => row({ 'Area Code': `E06${String(i).padStart(6, '0')}`, 'Area Name': `Area ${i}` }));
      // Line k + 2 is rows[k]: a repeat of line 5 on line 31, a bad number on line 36 (parsed first, in the worker).
      const many = rows.map((r, i) => (i === 29 ? { ...rows[3]!, Value: '9' } : i === 34 ? { ...r, Value: 'abc' } : r));
      await expectRejected(writeFile(tmp(), 'dup-many.csv', fingertipsCsv(many)), 31, /repeats an earlier one: indicator 90001, area E06000003,/);
      // A repeat on line 20, then an area code the main thread refuses on line 21.
      const near = rows.map((r, i) => (i === 18 ? rows[17]! : i === 19 ? { ...r, 'Area Code': 'E'.repeat(51) } : r));
      await expectRejected(writeFile(tmp(), 'dup-near.csv', fingertipsCsv(near)), 20, /repeats an earlier one: indicator 90001, area E06000017,/);
      // Without problems, all 40 rows go in (two full statements and a remainder).
      const ok = writeFile(tmp(), 'ok-many.csv', fingertipsCsv(rows));
      expect((await importToPath(library, [ok])).rows).toBe(40);
    });

    it('one bad file among good ones imports none of them', async () => {
      const good = writeFile(tmp(), 'good.csv', fingertipsCsv([row({ 'Indicator ID': '777' })]));
      const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row(), row({ 'Area Code': 'E1', Value: '1,2,3' })]));
      const e = await rejection(importToPath(library, [good, bad]));
      expect(e.message).toBe(`${bad}:3: column "Value": "1,2,3" is not a number.`);
      expect(sha256(library)).toBe(before);
    });

    it('a cancelled import leaves the library unchanged', async () => {
      const controller = new AbortController();
      controller.abort();
      const e = await rejection(importToPath(library, [REAL_FILE], { signal: controller.signal }));
      expect(e.code).toBe('CANCELLED');
      expect(sha256(library)).toBe(before);
    });
  });
}

describe('a failed import into a new library', () => {
  const tmp = useTempDir();
  it('leaves no library file behind', async () => {
    const library = join(tmp(), 'new.jsnalib');
    const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row({ Value: 'x' })]));
    await expect(importToPath(library, [bad])).rejects.toThrow(`${bad}:2: column "Value": "x" is not a number.`);
    expect(existsSync(library)).toBe(false);
  });

  it('refuses a file that is not a library, unchanged', async () => {
    const notLibrary = writeFile(tmp(), 'notes.jsnalib', 'hello');
    await expect(importToPath(notLibrary, [REAL_FILE])).rejects.toMatchObject({ code: 'NOT_A_LIBRARY' });
    expect(readFileSync(notLibrary, 'utf8')).toBe('hello');
  });

  it('names a missing input file', async () => {
    await expect(importToPath(join(tmp(), 'lib.jsnalib'), [join(tmp(), 'nope.csv')])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/nope\.csv: no such file/) });
  });
});

describe('fuzzed copies of the real file', () => {
  const tmp = useTempDir();

  /** A small seeded PRNG (mulberry32), so a failure can be replayed. */
  function random(seed: number): (n: number) => number {
    let a = seed;
    return (n) => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
  }

  const mutations: Record<string, (buf: Buffer, pick: (n: number) => number) => Buffer> = {
    truncate: (b, pick) => b.subarray(0, 1 + pick(b.length - 1)),
    'insert a quote': (b, pick) => {
      const at = pick(b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from('"'), b.subarray(at)]);
    },
    'delete a comma': (b, pick) => {
      const at = b.indexOf(',', pick(b.length));
      return at < 0 ? b : Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
    },
    'a digit becomes a letter': (b, pick) => {
      const c = Buffer.from(b);
      for (let at = pick(c.length); at < c.length; at++) {
        if (c[at]! >= 0x30 && c[at]! <= 0x39) {
          c[at] = 0x78;
          break;
        }
      }
      return c;
    },
    'random bytes': (b, pick) => {
      const c = Buffer.from(b);
      for (let k = 0; k < 3; k++) c[pick(c.length)] = pick(256);
      return c;
    },
    'a line break becomes a comma': (b, pick) => {
      const c = Buffer.from(b);
      const at = c.indexOf('\n', pick(c.length));
      if (at >= 0) c[at] = 0x2c;
      return c;
    },
  };

  it('each mutation either imports or is rejected with file:line (file: alone for a binary file), leaving the library byte-identical', async () => {
    const library = join(tmp(), 'library.jsnalib');
    await importToPath(library, [REAL_FILE]);
    let before = sha256(library);
    const real = readFileSync(REAL_FILE);
    const lines = real.toString('latin1').split('\n').length;
    const outcomes: Record<string, number> = {};
    let seed = 1;
    for (const [name, mutate] of Object.entries(mutations)) {
      for (let k = 0; k < 6; k++, seed++) {
        const file = writeFile(tmp(), `fuzz-${seed}.csv`, mutate(real, random(seed)));
        try {
          await importToPath(library, [file]);
          outcomes.imported = (outcomes.imported ?? 0) + 1;
          await importToPath(library, [REAL_FILE]); // back to the real values for the next case
          before = sha256(library);
        } catch (e) {
          expect(e, `${name}, seed ${seed}`).toBeInstanceOf(AppError);
          const message = (e as AppError).message;
          const m = /^(.*?):(\d+): /.exec(message);
          if (!m && message.startsWith(`${file}: `) && /binary file/.test(message)) {
            // A whole-file problem: no line named.
          } else {
            expect(m?.[1], `${name}, seed ${seed}: ${message}`).toBe(file);
            expect(Number(m![2])).toBeGreaterThanOrEqual(1);
            expect(Number(m![2])).toBeLessThanOrEqual(lines + 1);
          }
          expect(sha256(library), `${name}, seed ${seed}`).toBe(before);
          outcomes.rejected = (outcomes.rejected ?? 0) + 1;
        }
      }
    }
    console.log('fuzzed copies of the real file:', JSON.stringify(outcomes));
    expect(outcomes.rejected).toBeGreaterThan(15);
  });
});
