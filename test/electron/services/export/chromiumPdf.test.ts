import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdf } from '../../../../electron/services/export/chromiumPdf';

/** A small PDF laid out as Chromium writes them: objects in order, one xref table, Flate streams with direct lengths. */
function samplePdf(pages: string[]): Buffer {
  const objects: (string | Buffer)[] = [];
  const n = pages.length;
  // 1 catalog, 2 pages, 3 font, then per page: page, contents.
  objects.push('<</Type /Catalog\n/Pages 2 0 R>>');
  objects.push(`<</Type /Pages\n/Count ${n}\n/Kids [${pages.map((_p, i) => `${4 + 2 * i} 0 R`).join(' ')}]>>`);
  objects.push('<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>');
  pages.forEach((text, i) => {
    objects.push(`<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 300 200]\n/Resources <</Font <</F1 3 0 R>>>>\n/Contents ${5 + 2 * i} 0 R>>`);
    const data = deflateSync(Buffer.from(`BT\n/F1 20 Tf\n20 100 Td\n(${text}) Tj\nET`, 'latin1'));
    objects.push(Buffer.concat([Buffer.from(`<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    at += b.length;
    parts.push(b);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

describe('reading and rewriting the PDFs Chromium prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-chromium-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = (pdf: Buffer, name: string) => {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    const out = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(out.stderr, name).toBe('');
    return out.stdout.split('\f').map((p) => p.trim()).filter(Boolean);
  };

  it('reads pages, objects and inflated streams through the cross-reference table', () => {
    const pdf = ChromiumPdf.read(samplePdf(['one', 'two', 'three']))!;
    expect(pdf.pages()).toEqual([4, 6, 8]);
    expect(pdf.object(3)).toContain('/BaseFont /Helvetica');
    expect(pdf.stream(7)!.data.toString('latin1')).toContain('(two) Tj');
    expect(pdf.object(99)).toBe('');
    expect(pdf.stream(3)).toBeNull();
  });

  it('rewrites streams in the middle of the file, every later object still where the new table says', () => {
    const original = samplePdf(['one', 'two', 'three']);
    const pdf = ChromiumPdf.read(original)!;
    const longer = Buffer.from('BT\n/F1 20 Tf\n20 100 Td\n(rewritten, longer) Tj\nET', 'latin1');
    const rewritten = pdf.withStreams(new Map([[5, Buffer.from('BT\n/F1 20 Tf\n20 100 Td\n(1) Tj\nET', 'latin1')], [7, longer]]), (d) => deflateSync(d));
    expect(text(original, 'before')).toEqual(['one', 'two', 'three']);
    expect(text(rewritten, 'after')).toEqual(['1', 'rewritten, longer', 'three']);
    const again = ChromiumPdf.read(rewritten)!;
    for (let n = 1; n <= 9; n++) expect(again.object(n), `object ${n}`).toMatch(new RegExp(`^${n} 0 obj`));
    expect(again.stream(9)!.data.toString('latin1')).toContain('(three) Tj');
    // Rewriting a rewritten file works the same (the second and third time).
    const third = again.withStreams(new Map([[9, Buffer.from('BT\n/F1 20 Tf\n20 100 Td\n(3) Tj\nET', 'latin1')]]), (d) => deflateSync(d));
    expect(text(third, 'third')).toEqual(['1', 'rewritten, longer', '3']);
  });

  it('does not pretend to read what is not laid out as Chromium writes it', () => {
    expect(ChromiumPdf.read(Buffer.from('%PDF-1.7\nnot a pdf'))).toBeNull();
    // A cross-reference stream (PDF 1.5) instead of a table.
    const streamed = samplePdf(['x']).toString('latin1').replace(/xref\n0 /, 'xrex\n0 ');
    expect(ChromiumPdf.read(Buffer.from(streamed, 'latin1'))).toBeNull();
  });
});
