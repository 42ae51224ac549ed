import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter, getChapter, listChapters } from '../../../../electron/services/documents/chapters';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { findChromium } from '../../../../electron/services/export/findChromium';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { createProject, openProject, type Project } from '../../../../electron/services/project/project';
import type { NodeJson } from '../../../../shared/api/chapters';
import { activeContent, pdfPages, sampleWorkspace } from './helpers';
import { noPythonDocx, readDocx } from './docx/wordTools';

/** Issue 15: indicator names, chart titles and captions an attacker (or a careless import) could bring. */
const PAYLOADS = [
  '<IMG SRC=x OnErRoR=alert(5)>',
  '" autofocus onfocus=alert(29) "',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(7)">x</a>',
  "Tom & Jerry's <b>\"quoted\"</b> \u0001\u0008 control",
];

describe('hostile text in charts (indicator names, titles, captions) comes out as text, and the export goes on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-hostile-'));
  let project: Project;
  let library: Library;
  let charts = 0;

  beforeAll(async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    const lib = openLibrary(ws.libraryPath);
    const ids = (lib.db.prepare('SELECT id FROM indicators ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    ids.forEach((id, i) => lib.db.prepare('UPDATE indicators SET name = ? WHERE id = ?').run(`${PAYLOADS[i % PAYLOADS.length]} ${id}`, id));
    lib.close();
    library = openLibrary(ws.libraryPath, { readOnly: true });
    // Every chart of the sample, each with a hostile title and caption.
    const sample = openProject(ws.projectPath, { readOnly: true });
    const found: NodeJson[] = [];
    for (const ch of listChapters(sample)) {
      const walk = (n: NodeJson) => {
        if (n.type === 'chart') found.push(n);
        for (const k of n.content ?? []) walk(k);
      };
      walk(getChapter(sample, ch.id).doc as NodeJson);
    }
    sample.close();
    project = createProject(join(dir, 'hostile.jsna'), PAYLOADS[0]!);
    project.setMeta('library_path', ws.libraryPath);
    const content: NodeJson[] = [];
    found.forEach((c, i) => {
      content.push({ type: 'paragraph', content: [{ type: 'text', text: PAYLOADS[(i + 2) % PAYLOADS.length]! }] });
      content.push({ ...c, attrs: { ...c.attrs, title: i % 2 ? PAYLOADS[i % PAYLOADS.length]! : '', caption: PAYLOADS[(i + 1) % PAYLOADS.length]! } });
    });
    charts = found.length;
    addChapter(project, PAYLOADS[1]!, { type: 'doc', content });
  }, 120_000);
  afterAll(() => {
    project?.close();
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('HTML: every chart drawn, nothing active, the payloads readable as text', async () => {
    const r = await exportDocument(project, library, { format: 'html' });
    expect(r.html.figures).toBe(charts);
    const html = r.bytes.toString('utf8');
    expect(activeContent(html)).toEqual([]);
    expect(html).toContain('&lt;IMG SRC=x OnErRoR=alert(5)&gt;');
    expect(html).not.toMatch(/<img|<animate|<a href="&#106;/i);
  });

  it.skipIf(!findChromium())('PDF: printed, with the payloads as text', async () => {
    const r = await exportDocument(project, library, { format: 'pdf' });
    expect(r.html.figures).toBe(charts);
    const path = join(dir, 'hostile.pdf');
    writeFileSync(path, r.bytes);
    expect(pdfPages(path).join(' ')).toContain('<IMG SRC=x OnErRoR=alert(5)>');
  }, 120_000);

  it('DOCX: valid XML with the payloads as text, every chart a picture', async () => {
    const r = await exportDocument(project, library, { format: 'docx' });
    expect(r.html.figures).toBe(charts);
    const path = join(dir, 'hostile.docx');
    writeFileSync(path, r.bytes);
    const xml = await documentXml(path);
    expect(xml).toContain('&lt;IMG SRC=x OnErRoR=alert(5)&gt;');
    expect(xml).not.toMatch(/[\u0001\u0008]/);
    expect(xml).not.toMatch(/<img|<animate/i);
    if (!noPythonDocx) expect(readDocx(path).images).toHaveLength(charts);
  }, 120_000);
});

/** word/document.xml of a DOCX (python's zipfile, which every machine with python3 has; checked well-formed by its XML parser). */
async function documentXml(path: string): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('python3', ['-c', 'import sys,zipfile,xml.dom.minidom as m; x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml"); m.parseString(x); sys.stdout.write(x.decode())', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
