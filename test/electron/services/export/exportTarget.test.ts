import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExportTarget } from '../../../../electron/services/export/exportTarget';

describe('where an export may be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-export-target-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('writes a new name, an empty file, or over an earlier export of the same kind', () => {
    expect(() => checkExportTarget(join(dir, 'new.html'), 'html')).not.toThrow();
    expect(() => checkExportTarget(file('empty.pdf', ''), 'pdf')).not.toThrow();
    expect(() => checkExportTarget(file('old.html', '\uFEFF\n<!DOCTYPE html><html lang="en-GB">'), 'html')).not.toThrow();
    expect(() => checkExportTarget(file('old.pdf', '%PDF-1.7\n'), 'pdf')).not.toThrow();
    expect(() => checkExportTarget(file('old.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), 'docx')).not.toThrow();
    expect(() => checkExportTarget(file('old.json', '[\n  {}\n]'), 'json')).not.toThrow();
    expect(() => checkExportTarget(file('old.csv', '\uFEFFPartner,Recommendation\r\n'), 'csv')).not.toThrow();
  });

  it('refuses a database, a folder, and a file of another kind, naming it', () => {
    const db = file('project.jsna', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    for (const kind of ['html', 'pdf', 'docx', 'csv', 'json'] as const) expect(() => checkExportTarget(db, kind)).toThrow(/project\.jsna is a database/);
    const folder = join(dir, 'folder.html');
    mkdirSync(folder);
    expect(() => checkExportTarget(folder, 'html')).toThrow(/is a folder/);
    expect(() => checkExportTarget(file('notes.html', 'my notes'), 'html')).toThrow(/notes\.html already exists and is not a web page/);
    expect(() => checkExportTarget(file('report.docx', '%PDF-1.4'), 'docx')).toThrow(/is not a Word file/);
    expect(() => checkExportTarget(file('picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])), 'csv')).toThrow(/is not a CSV file/);
  });
});
