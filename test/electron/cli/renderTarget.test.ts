import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';

describe('jsna render --out and recs --out never replace what is not an export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-cli-target-'));
  let project = '';
  let library = '';
  beforeAll(async () => {
    const demo = JSON.parse((await jsna('demo', join(dir, 'workspace'))).out) as { project: string; library: string };
    project = demo.project;
    library = demo.library;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the project or the library as --out, before any work, and leaves them byte-identical', async () => {
    for (const target of [project, library]) {
      const before = readFileSync(target);
      const r = await jsna('render', project, '--to', 'html', '--out', target);
      expect(r.code).not.toBe(0);
      expect(r.err).toContain(target);
      expect(r.err).toMatch(/is a database .*an export never replaces one.*Nothing was written/);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  }, 120_000);

  it('refuses a file of another kind, and replaces its own earlier export the second and third time', async () => {
    const notes = join(dir, 'notes.html');
    writeFileSync(notes, 'My notes for the board, not an export.\n');
    const r = await jsna('render', project, '--to', 'html', '--out', notes);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/already exists and is not a web page \(HTML\) that JSNA Studio exported, so the export does not replace it/);
    expect(readFileSync(notes, 'utf8')).toBe('My notes for the board, not an export.\n');

    // A hand-written web page is HTML too, but not ours: it stays.
    const page = join(dir, 'our-jsna.html');
    writeFileSync(page, '<!DOCTYPE html><html lang="en-GB"><head><title>Our JSNA</title></head><body><p>Written by hand.</p></body></html>\n');
    const pageBefore = readFileSync(page);
    expect((await jsna('render', project, '--to', 'html', '--out', page)).err).toMatch(/that JSNA Studio exported/);
    expect(readFileSync(page).equals(pageBefore)).toBe(true);
    expect(readFileSync(notes, 'utf8')).toBe('My notes for the board, not an export.\n');

    const pdfNamedDocx = join(dir, 'paper.docx');
    writeFileSync(pdfNamedDocx, '%PDF-1.7 a PDF someone named .docx');
    expect((await jsna('render', project, '--to', 'docx', '--out', pdfNamedDocx)).err).toMatch(/is not a Word file/);

    const out = join(dir, 'sample.html');
    for (let round = 0; round < 3; round++) {
      const again = await jsna('render', project, '--to', 'html', '--out', out);
      expect(again.err).toBe('');
      expect(again.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    }
    // Edited by hand since (a web editor fixed a word, keeping our generator <meta>): kept, twice.
    const edited = readFileSync(out, 'utf8').replace('About this sample', 'About this JSNA');
    writeFileSync(out, edited);
    for (let round = 0; round < 2; round++) {
      const refused = await jsna('render', project, '--to', 'html', '--out', out);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/sample\.html was exported by JSNA Studio but has been changed since/);
      expect(readFileSync(out, 'utf8')).toBe(edited);
    }
  }, 120_000);

  it('recs --out refuses the project, and rewrites its own action list each time', async () => {
    const before = readFileSync(project);
    const r = await jsna('recs', project, '--format', 'csv', '--out', project);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/is a database/);
    expect(readFileSync(project).equals(before)).toBe(true);
    // An indicator CSV of the analyst's is a CSV, but not an action list: it stays.
    const data = join(dir, 'tidy.csv');
    writeFileSync(data, 'indicator_id,area_code,period,value\r\nX1,E06000016,2020,5\r\n');
    const dataBefore = readFileSync(data);
    expect((await jsna('recs', project, '--format', 'csv', '--out', data)).err).toMatch(/is not a CSV file that JSNA Studio exported/);
    expect(readFileSync(data).equals(dataBefore)).toBe(true);
    const list = join(dir, 'actions.html');
    for (let round = 0; round < 3; round++) expect((await jsna('recs', project, '--format', 'html', '--out', list)).code).toBe(0);
    writeFileSync(list, readFileSync(list, 'utf8').replace('</main>', '<p>Added by the web team.</p></main>'));
    expect((await jsna('recs', project, '--format', 'html', '--out', list)).err).toMatch(/actions\.html was exported by JSNA Studio but has been changed since/);
    expect(readFileSync(list, 'utf8')).toContain('Added by the web team.');
    const out = join(dir, 'actions.csv');
    for (let round = 0; round < 3; round++) {
      const again = await jsna('recs', project, '--format', 'csv', '--out', out);
      expect(again.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF/);
    }
    // Opened in Excel, a note added to a row and saved as CSV UTF-8: the analyst's tracker now, kept twice.
    const lines = readFileSync(out, 'utf8').split('\r\n');
    lines[1] = `${lines[1]} (chased by phone 2 Dec)`;
    const edited = lines.join('\r\n');
    writeFileSync(out, edited);
    for (let round = 0; round < 2; round++) {
      const refused = await jsna('recs', project, '--format', 'csv', '--out', out);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/actions\.csv looks like an action list JSNA Studio exported, but not as this computer's export left it/);
      expect(readFileSync(out, 'utf8')).toBe(edited);
    }
  }, 120_000);

  it('render --to pdf replaces its own PDF the second and third time, and keeps one an editor saved again', async () => {
    const out = join(dir, 'board.pdf');
    for (let round = 0; round < 3; round++) {
      const again = await jsna('render', project, '--to', 'pdf', '--out', out);
      expect(again.err).toBe('');
      expect(again.code).toBe(0);
    }
    expect(readFileSync(out, 'latin1')).toMatch(/%jsna-sha256 [0-9a-f]{64}\nstartxref\n\d+\n%%EOF\n$/);
    // A PDF editor's save appends an incremental update (here: a sticky note) after %%EOF.
    const annotated = Buffer.concat([readFileSync(out), Buffer.from('9999 0 obj\n<</Type /Annot /Subtype /Text /Contents (Agreed at the board)>>\nendobj\n%%EOF\n')]);
    writeFileSync(out, annotated);
    for (let round = 0; round < 2; round++) {
      const refused = await jsna('render', project, '--to', 'pdf', '--out', out);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/board\.pdf was exported by JSNA Studio but has been changed since/);
      expect(readFileSync(out).equals(annotated)).toBe(true);
    }
  }, 180_000);
});
