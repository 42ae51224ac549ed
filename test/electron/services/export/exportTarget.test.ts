import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../../electron/services/export/actionList';
import { checkExportTarget, writeExportFile } from '../../../../electron/services/export/exportTarget';
import { sealPdf } from '../../../../electron/services/export/pdfSeal';
import { sealHtml } from '../../../../electron/services/export/htmlSeal';

/** A zip with a docProps/core.xml naming `creator`, as a Word file does. */
const wordFile = (creator: string, lastModifiedBy = creator, revision = 1) =>
  Buffer.from(
    zipSync({
      'docProps/core.xml': strToU8(
        `<?xml version="1.0"?><cp:coreProperties><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${lastModifiedBy}</cp:lastModifiedBy><cp:revision>${revision}</cp:revision></cp:coreProperties>`,
      ),
      'word/document.xml': strToU8('<w:document/>'),
    }),
  );

/** The shape of a PDF Chromium prints: header, objects, one xref table, trailer, startxref, %%EOF. */
const CHROMIUM_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<</Creator (Mozilla/5.0 HeadlessChrome)\n/Producer (Skia/PDF m156)>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2 /Root 1 0 R>>\nstartxref\n9\n%%EOF\n', 'latin1');
const ACTION_LIST = `\uFEFF${CSV_HEADER.join(',')}\r\n`;

const PAGE = '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="generator" content="JSNA Studio"><title>JSNA</title></head><body><h1>Smoking</h1></body></html>';

describe('where an export may be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-export-target-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('writes a new name, an empty file, or over an earlier export of the same kind that JSNA Studio wrote', () => {
    expect(() => checkExportTarget(join(dir, 'new.html'), 'html')).not.toThrow();
    expect(() => checkExportTarget(file('empty.pdf', ''), 'pdf')).not.toThrow();
    expect(() => checkExportTarget(file('old.html', sealHtml(PAGE)), 'html')).not.toThrow();
    expect(() => checkExportTarget(file('old.pdf', sealPdf(CHROMIUM_PDF)), 'pdf')).not.toThrow();
    expect(() => checkExportTarget(file('old.docx', wordFile('JSNA Studio')), 'docx')).not.toThrow();
    for (const [name, kind, content] of [
      ['old.json', 'json', '[\n  {\n    "id": "92bf7748"}]\n'],
      ['none.json', 'json', '[]\n'],
      ['old.csv', 'csv', ACTION_LIST],
    ] as const) {
      const path = join(dir, name);
      writeExportFile(path, kind, Buffer.from(content));
      expect(() => checkExportTarget(path, kind)).not.toThrow();
    }
  });

  it('refuses a PDF JSNA Studio exported that was saved again since (an editor appended to it or rewrote it), or one printed without its seal', () => {
    const sealed = sealPdf(CHROMIUM_PDF);
    expect(sealed.toString('latin1')).toMatch(/trailer\n<<\/Size 2 \/Root 1 0 R>>\n%jsna-sha256 [0-9a-f]{64}\nstartxref\n9\n%%EOF\n$/);
    const changed = /was exported by JSNA Studio but has been changed since \(saved again by a PDF editor, say\), so the export does not replace it/;
    // Larger than the tail read for the seal and than one read of the hash.
    const endobj = CHROMIUM_PDF.indexOf('endobj') + 7;
    const big = sealPdf(Buffer.concat([CHROMIUM_PDF.subarray(0, endobj), Buffer.from(`%${'x'.repeat(3 << 20)}\n`), CHROMIUM_PDF.subarray(endobj)]));
    expect(() => checkExportTarget(file('big.pdf', big), 'pdf')).not.toThrow();
    const flipped = Buffer.from(big);
    flipped[1 << 20] = 0x79;
    expect(() => checkExportTarget(file('big-edited.pdf', flipped), 'pdf')).toThrow(changed);
    // Acrobat's "save": an incremental update after %%EOF.
    const update = Buffer.from('2 0 obj\n<</Type /Annot /Subtype /Text /Contents (Checked by LH)>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 3 /Root 1 0 R /Prev 9>>\nstartxref\n200\n%%EOF\n');
    expect(() => checkExportTarget(file('annotated.pdf', Buffer.concat([sealed, update])), 'pdf')).toThrow(changed);
    // An update larger than the end read for the seal (an editor embedding an image or a font): still named as changed, not as never sealed.
    const bigUpdate = Buffer.concat([Buffer.from(`3 0 obj\n<</Length ${1 << 20}>>\nstream\n`), Buffer.alloc(1 << 20, 0x41), update]);
    expect(() => checkExportTarget(file('annotated-big.pdf', Buffer.concat([sealed, bigUpdate])), 'pdf')).toThrow(changed);
    expect(() => checkExportTarget(file('unsealed.pdf', CHROMIUM_PDF), 'pdf')).toThrow(/is a PDF printed by Chromium without JSNA Studio's seal/);
    // Any byte: a line end added at the end is a change too.
    expect(() => checkExportTarget(file('spaced.pdf', Buffer.concat([sealed, Buffer.from('\n')])), 'pdf')).toThrow(changed);
  });

  it("refuses an action list or register listing that is no longer what this computer's export wrote (saved from Excel, or never written here)", () => {
    const looks = /looks like an action list JSNA Studio exported, but not as this computer's export left it/;
    const list = join(dir, 'actions.csv');
    for (let round = 0; round < 3; round++) {
      writeExportFile(list, 'csv', Buffer.from(`${ACTION_LIST}${round}\r\n`));
      expect(readFileSync(list, 'utf8')).toBe(`${ACTION_LIST}${round}\r\n`);
    }
    // Opened in Excel, a column of notes added, saved as CSV UTF-8 (the BOM and header row kept).
    const edited = `${ACTION_LIST}2,Chased in November\r\n`;
    writeFileSync(list, edited);
    for (let round = 0; round < 2; round++) {
      expect(() => writeExportFile(list, 'csv', Buffer.from(ACTION_LIST))).toThrow(looks);
      expect(readFileSync(list, 'utf8')).toBe(edited);
    }
    // A copy of an export, at a name this computer never wrote: not known to be unchanged.
    expect(() => checkExportTarget(file('copied.csv', ACTION_LIST), 'csv')).toThrow(looks);
    expect(() => checkExportTarget(file('copied.json', '[]\n'), 'json')).toThrow(/looks like a register listing JSNA Studio exported/);
    // Written again under its own name after the analyst moved their copy away: replaced as before.
    rmSync(list);
    writeExportFile(list, 'csv', Buffer.from(ACTION_LIST));
    expect(() => writeExportFile(list, 'csv', Buffer.from(`${ACTION_LIST}x\r\n`))).not.toThrow();
  });

  it('refuses a web page JSNA Studio exported that someone has edited since (its seal no longer matches), or one without a seal', () => {
    const changed = /was exported by JSNA Studio but has been changed since \(or by an earlier version, before pages carried a seal\), so the export does not replace it/;
    const sealed = sealHtml(PAGE);
    // Larger than one read: the file is hashed a chunk at a time.
    const big = sealHtml(PAGE.replace('<h1>', `<p>${'x'.repeat(3 << 20)}</p><h1>`));
    expect(() => checkExportTarget(file('big.html', big), 'html')).not.toThrow();
    expect(() => checkExportTarget(file('big-edited.html', `${big.slice(0, -20)}y${big.slice(-19)}`), 'html')).toThrow(changed);
    expect(sealed).toMatch(/<meta name="generator" content="JSNA Studio"><meta name="jsna-sha256" content="[0-9a-f]{64}">/);
    expect(() => checkExportTarget(file('edited.html', sealed.replace('Smoking', 'Smoking in pregnancy')), 'html')).toThrow(changed);
    expect(() => checkExportTarget(file('unsealed.html', PAGE), 'html')).toThrow(changed);
    // Any byte: a space added at the end (as an editor's "save" may) is an edit.
    expect(() => checkExportTarget(file('spaced.html', `${sealed}\n`), 'html')).toThrow(changed);
    // Text beyond ASCII hashes as its UTF-8 bytes.
    expect(() => checkExportTarget(file('accents.html', sealHtml(PAGE.replace('Smoking', 'Ysmygu – “Smoking” £'))), 'html')).not.toThrow();
  });

  it('refuses a file of the same kind that someone else wrote: a page, a Word paper, a PDF, a data CSV, other JSON', () => {
    const own = /already exists and is not .* that JSNA Studio exported/;
    expect(() => checkExportTarget(file('page.html', '<!DOCTYPE html><html><head><title>Our JSNA</title>'), 'html')).toThrow(own);
    expect(() => checkExportTarget(file('paper.docx', wordFile('Jane Analyst')), 'docx')).toThrow(own);
    // Our export, then edited and saved in Word: the analyst's work now.
    expect(() => checkExportTarget(file('edited.docx', wordFile('JSNA Studio', 'Jane Analyst', 2)), 'docx')).toThrow(own);
    expect(() => checkExportTarget(file('board.pdf', '%PDF-1.7\n1 0 obj <</Producer (Microsoft Word)>>'), 'pdf')).toThrow(own);
    expect(() => checkExportTarget(file('data.csv', 'Indicator ID,Indicator Name,Area Code\r\n93356,x,E92000001\r\n'), 'csv')).toThrow(own);
    expect(() => checkExportTarget(file('action-list-la.html', '\uFEFFPartner,Recommendation\r\n'), 'csv')).toThrow(own);
    expect(() => checkExportTarget(file('settings.json', '{"theme": "dark"}'), 'json')).toThrow(own);
  });

  it("refuses a database's journal even when it is empty (writing it would damage the database)", () => {
    for (const name of ['Sample JSNA.jsna-wal', 'lib.jsnalib-shm', 'p.jsna-journal']) {
      expect(() => checkExportTarget(file(name, ''), 'html')).toThrow(/journal/);
    }
    // …and when it is not there now: SQLite makes it when the database is next opened.
    expect(() => checkExportTarget(join(dir, 'absent.jsna-wal'), 'html')).toThrow(/journal/);
  });

  it('refuses a database, a folder, and a file of another kind, naming it', () => {
    const db = file('project.jsna', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    for (const kind of ['html', 'pdf', 'docx', 'csv', 'json'] as const) expect(() => checkExportTarget(db, kind)).toThrow(/project\.jsna is a database/);
    const folder = join(dir, 'folder.html');
    mkdirSync(folder);
    expect(() => checkExportTarget(folder, 'html')).toThrow(/is a folder/);
    expect(() => checkExportTarget(file('notes.html', 'my notes'), 'html')).toThrow(/notes\.html already exists and is not a web page \(HTML\) that JSNA Studio exported/);
    expect(() => checkExportTarget(file('report.docx', '%PDF-1.4'), 'docx')).toThrow(/is not a Word file/);
    expect(() => checkExportTarget(file('picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])), 'csv')).toThrow(/is not a CSV file/);
  });
});
