import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Why LibreOffice cannot be used here, or null when it can. */
export const noSoffice: string | null = has('soffice') ? null : 'soffice is not installed (apt-get install -y libreoffice-writer-nogui; .ci/run does)';
/** A Python that has python-docx: Debian's (/usr/bin/python3) when another python3 (pyenv) comes first on PATH. */
const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import docx']).status === 0) ?? null;
export const noPythonDocx: string | null = python ? null : 'python3-docx is not installed (apt-get install -y python3-docx; .ci/run does)';

/** LibreOffice headless: the DOCX as a PDF in `outDir`, with a profile of its own (so it runs beside any other LibreOffice). */
export function docxToPdf(docxPath: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'jsna-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docxPath], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docxPath).replace(/\.docx$/, '.pdf'));
}

export interface DocxFacts {
  headings: Record<string, string[]>;
  images: { name: string; title: string; descr: string }[];
  seqFigures: number;
  tables: number;
  tablesWithHeaderRow: number;
  language: string[];
}

const SCRIPT = String.raw`
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
headings = {}
for p in d.paragraphs:
    if p.style.name.startswith('Heading'):
        headings.setdefault(p.style.name, []).append(p.text)
body = d.element.body
images = [{'name': e.get('name'), 'title': e.get('title') or '', 'descr': e.get('descr') or ''} for e in body.iter(qn('wp:docPr'))]
instr = ''.join((t.text or '') for t in body.iter(qn('w:instrText')))
simple = [f.get(qn('w:instr')) for f in body.iter(qn('w:fldSimple'))]
seq = instr.count('SEQ Figure') + sum(1 for s in simple if s and 'SEQ Figure' in s)
header_rows = 0
for t in d.tables:
    tr = t._tbl.tr_lst
    if tr and tr[0].trPr is not None and tr[0].trPr.find(qn('w:tblHeader')) is not None:
        header_rows += 1
langs = sorted({l.get(qn('w:val')) for l in d.styles.element.iter(qn('w:lang'))})
print(json.dumps({'headings': headings, 'images': images, 'seqFigures': seq, 'tables': len(d.tables), 'tablesWithHeaderRow': header_rows, 'language': langs}))
`;

/** What python-docx reads from the file: heading paragraphs by style, every picture's alt text, SEQ Figure fields, tables. */
export function readDocx(path: string): DocxFacts {
  return JSON.parse(execFileSync(python ?? 'python3', ['-c', SCRIPT, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as DocxFacts;
}
