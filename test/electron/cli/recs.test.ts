import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';
import { sha256 } from '../../helpers/files';
import { SEED_000 } from '../../helpers/seedProject';
import { useTempDir } from '../../helpers/tmp';

interface RecJson {
  id: string;
  chapter: string;
  section: string | null;
  text: string;
  partners: string[];
  status: string;
  rag: string | null;
  dueDate: string | null;
  updatedAt: string | null;
  removed?: boolean;
}

async function seeded(dir: string): Promise<string> {
  const path = join(dir, 'cyp.jsna');
  expect((await jsna('doc', 'new', path, '--title', 'Leicester CYP JSNA')).code).toBe(0);
  const imported = await jsna('doc', 'import-text', path, SEED_000, '--chapter', 'Children and young people');
  expect(JSON.parse(imported.out)).toEqual({ chapter: 'Children and young people', headings: 10, recommendations: 22 });
  return path;
}

async function recs(...args: string[]): Promise<RecJson[]> {
  const r = await jsna('recs', ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as RecJson[];
}

describe('jsna recs', () => {
  const tmp = useTempDir();

  it('lists every recommendation of seed 000 as JSON with the issue\'s fields', async () => {
    const path = await seeded(tmp());
    const all = await recs(path, '--format', 'json');
    expect(all).toHaveLength(22);
    expect(Object.keys(all[0]!)).toEqual(['id', 'chapter', 'section', 'text', 'partners', 'status', 'rag', 'dueDate', 'updatedAt']);
    expect(all[0]).toMatchObject({
      chapter: 'Children and young people',
      section: 'Recommendations',
      partners: ['HWB', 'CTB'],
      status: 'Not started',
      rag: null,
      dueDate: null,
      updatedAt: null,
    });
    expect(all[0]!.text).toMatch(/^Partners in the city, including the Health and Well-being Board & Children’s Trust Board/);
    expect(all.every((r) => r.status === 'Not started')).toBe(true);
    // json is the default format.
    expect(await recs(path)).toEqual(all);
  });

  it('--partner LA lists the 16 LA-owned; --partner ICB --include-successors the 3 CCG-owned', async () => {
    const path = await seeded(tmp());
    const la = await recs(path, '--partner', 'LA');
    expect(la).toHaveLength(16);
    expect(la.every((r) => r.partners.includes('LA'))).toBe(true);
    expect(await recs(path, '--partner', 'ICB')).toEqual([]);
    const icb = await recs(path, '--partner', 'ICB', '--include-successors');
    expect(icb.map((r) => [r.section, r.partners])).toEqual([
      ['0 to 19 year old children', ['CCG', 'UHL', 'LA']],
      ['0 to 19 year old children', ['CCG', 'UHL', 'LA']],
      ['Looked-after children', ['CCG', 'LPT']],
    ]);
    expect(icb.map((r) => r.id)).toEqual((await recs(path, '--partner', 'CCG')).map((r) => r.id));
  });

  it('set-status appends history; --status filters; history prints it; the file is untouched by reads', async () => {
    const path = await seeded(tmp());
    const [first] = await recs(path, '--partner', 'LLRHP');
    const before = process.env.JSNA_USER_NAME;
    process.env.JSNA_USER_NAME = 'Jo Analyst';
    try {
      const set = await jsna('recs', 'set-status', path, first!.id.slice(0, 8), '--status', 'in progress', '--rag', 'amber', '--due', '2026-03-31', '--lead', 'Health protection team', '--note', 'Coverage report requested.');
      expect(set.err).toBe('');
      expect(JSON.parse(set.out)).toMatchObject({ id: first!.id, status: 'In progress', rag: 'Amber', dueDate: '2026-03-31', lead: 'Health protection team', latestNote: 'Coverage report requested.', updatedBy: 'Jo Analyst' });
      const again = await jsna('recs', 'set-status', path, first!.id, '--status', 'Complete', '--rag', 'none');
      expect(JSON.parse(again.out)).toMatchObject({ status: 'Complete', rag: null, dueDate: '2026-03-31', lead: 'Health protection team' });
    } finally {
      if (before === undefined) delete process.env.JSNA_USER_NAME;
      else process.env.JSNA_USER_NAME = before;
    }
    const complete = await recs(path, '--status', 'Complete');
    expect(complete.map((r) => [r.id, r.status, r.rag, r.dueDate])).toEqual([[first!.id, 'Complete', null, '2026-03-31']]);
    expect(complete[0]!.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await recs(path, '--status', 'not started')).toHaveLength(21);

    const before2 = sha256(path);
    const history = await jsna('recs', 'history', path, first!.id);
    expect(JSON.parse(history.out).map((h: { status: string; author: string; note: string | null; changed: string[] }) => [h.status, h.note, h.changed])).toEqual([
      ['In progress', 'Coverage report requested.', ['status', 'rag', 'dueDate', 'lead', 'note']],
      ['Complete', null, ['status', 'rag']],
    ]);
    const text = await jsna('recs', 'history', path, first!.id, '--format', 'text');
    expect(text.out).toMatch(/Jo Analyst: In progress, RAG Amber, due 2026-03-31, lead Health protection team\n {4}Coverage report requested\.\n/);
    expect(sha256(path)).toBe(before2);
  });

  it('refuses bad values with exit 2, naming the flag', async () => {
    const path = await seeded(tmp());
    const [first] = await recs(path);
    const cases: [string[], RegExp][] = [
      [['--status', 'Done'], /--status must be one of "Not started", "In progress", "Complete", "Not progressing", "Superseded" \(got "Done"\)/],
      [['--status', 'Complete', '--rag', 'Purple'], /--rag must be one of Red, Amber, Green \(got "Purple"\)/],
      [['--status', 'Complete', '--due', '31/03/2026'], /--due must be a date written YYYY-MM-DD \(got "31\/03\/2026"\)/],
      [['--status', 'Complete', '--due', '2026-02-30'], /--due is not a real calendar date \(got "2026-02-30"\)/],
      [[], /--status is required/],
    ];
    for (const [args, message] of cases) {
      const r = await jsna('recs', 'set-status', path, first!.id, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
    const missing = await jsna('recs', 'set-status', path, 'no-such-id', '--status', 'Complete');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no recommendation with id "no-such-id"/);
    expect((await jsna('recs', path, '--status', 'Finished')).code).toBe(2);
    expect((await jsna('recs', path, '--format', 'xml')).err).toMatch(/--format must be one of json, csv, html/);
    expect((await jsna('recs', path, '--include-successors')).err).toMatch(/--include-successors needs --partner/);
    expect((await jsna('recs', path, '--partner', 'Nobody')).err).toMatch(/"Nobody" is not in the partner directory and no recommendation is tagged with it/);
    expect((await jsna('recs', path, '--chapter', 'Nope')).err).toMatch(/--chapter: no chapter titled or with id "Nope". Chapters: "Children and young people"/);
    // Nothing was recorded by the refused calls.
    expect((await recs(path)).every((r) => r.updatedAt === null)).toBe(true);
  });

  it('exports CSV that a spreadsheet reads as UTF-8 (BOM, CRLF), to stdout or --out', async () => {
    const dir = tmp();
    const path = await seeded(dir);
    const out = join(dir, 'la.csv');
    const r = await jsna('recs', path, '--partner', 'LA', '--format', 'csv', '--out', out);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ out, format: 'csv', filename: expect.stringMatching(/^action-list-la-\d{4}-\d\d-\d\d\.csv$/) });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text).toContain('the city’s 0-19 Healthy Child Programme');
    expect(text).toContain('Leicester’s children');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Partner,Partner name,Chapter,Section,Recommendation,Owners,Status,RAG,Due date,Lead contact,Latest note,Last updated,Updated by,Recommendation ID');
    expect(lines).toHaveLength(18); // header + 16 + the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const stdout = await jsna('recs', path, '--partner', 'LA', '--format', 'csv');
    expect(stdout.out).toBe(`\uFEFF${text}`.replace(/^\uFEFF\uFEFF/, '\uFEFF'));
  });

  it('exports a standalone HTML action list with captions and no script', async () => {
    const dir = tmp();
    const path = await seeded(dir);
    const r = await jsna('recs', path, '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(r.out).not.toMatch(/<script/i);
    expect(r.out.match(/<caption>/g)).toHaveLength(14);
    expect(r.out).toContain('<caption>LA: recommendations in “Children and young people” (16)</caption>');
  });
});
