import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_CSS } from '../../../electron/services/export/styles';
import { ILLUSTRATIVE_NOTE } from '../../../shared/charts/format';
import { jsna } from '../../helpers/cli';
import { activeContent, axeInChromium, count, pdfPages, poppler } from '../services/export/helpers';

interface SampleSpec {
  title: string;
  titlePage: { area: string; authors: string; version: string };
  chapters: { title: string; doc?: unknown }[];
}
const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'resources', 'sample', 'sample-project.json'), 'utf8')) as SampleSpec;

/** The sample's chart nodes in document order, from the spec (not from the export under test). */
function sampleCharts(): { indicatorId: string; indicatorIds: string[]; title: string }[] {
  const out: { indicatorId: string; indicatorIds: string[]; title: string }[] = [];
  const walk = (n: { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (n.type === 'chart') out.push(n.attrs as never);
    for (const c of n.content ?? []) walk(c as never);
  };
  for (const c of spec.chapters) if (c.doc) walk(c.doc as never);
  return out;
}

interface RenderOut {
  format: string;
  out: string;
  bytes: number;
  charts: number;
  figures: number;
  recommendations: number;
}

describe('jsna render on the sample workspace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-render-'));
  const htmlPath = join(dir, 'sample.html');
  const pdfPath = join(dir, 'sample.pdf');
  let project = '';
  let html = '';
  let htmlOut: RenderOut;
  let pdfOut: RenderOut;
  let doc: Document;

  beforeAll(async () => {
    const demo = await jsna('demo', join(dir, 'workspace'));
    expect(demo.err).toBe('');
    project = (JSON.parse(demo.out) as { project: string }).project;
    const h = await jsna('render', project, '--to', 'html', '--out', htmlPath);
    expect(h.err).toBe('');
    expect(h.code).toBe(0);
    htmlOut = JSON.parse(h.out) as RenderOut;
    html = readFileSync(htmlPath, 'utf8');
    doc = new JSDOM(html).window.document;
    const p = await jsna('render', project, '--to', 'pdf', '--out', pdfPath);
    expect(p.err).toBe('');
    expect(p.code).toBe(0);
    pdfOut = JSON.parse(p.out) as RenderOut;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('HTML', () => {
    it('reports what it wrote', () => {
      expect(htmlOut).toMatchObject({ format: 'html', out: htmlPath, bytes: Buffer.byteLength(html), charts: 8, figures: 8, recommendations: 22 });
    });

    it('is inert and self-contained: no script, no handlers, no javascript: URLs, no external resources', () => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(activeContent(html)).toEqual([]);
      // Every src/href is in-page or data:; the CSP says nothing may load or run, whatever opens the file.
      for (const el of doc.querySelectorAll('[src], link[href], use, image')) {
        for (const a of ['src', 'href', 'xlink:href']) {
          const v = el.getAttribute(a);
          if (v !== null) expect(v).toMatch(/^(#|data:)/);
        }
      }
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/default-src 'none'/);
      // The checker itself catches each kind of problem.
      expect(activeContent('<p onclick="x()">a</p><img src="https://example.org/x.png"><a href="javascript:alert(1)">b</a><script>1</script>')).toEqual([
        '<script',
        'handler onclick=',
        '<img src="https://example.org/x.png">',
        'javascript: URL',
      ]);
    });

    it('has as many data tables and text summaries as charts, each chart a numbered figure with its caption outside the image and its source and data date under it', () => {
      const charts = sampleCharts();
      const figures = [...doc.querySelectorAll('figure.chart-figure')];
      expect(figures).toHaveLength(charts.length);
      expect(count(html, /<svg\b/)).toBe(charts.length);
      expect(doc.querySelectorAll('.chart-summary')).toHaveLength(charts.length);
      expect(doc.querySelectorAll('details.chart-data > table')).toHaveLength(charts.length);
      figures.forEach((figure, i) => {
        const n = i + 1;
        const caption = figure.querySelector('figcaption')!;
        expect(caption.textContent).toBe(`Figure ${n}: ${charts[i]!.title}`);
        const svg = figure.querySelector('svg')!;
        // The caption is text outside the image, and the image is named by it and described by the summary.
        expect(svg.contains(caption)).toBe(false);
        expect(svg.textContent).not.toContain(`Figure ${n}`);
        expect(svg.getAttribute('role')).toBe('img');
        expect(doc.getElementById(svg.getAttribute('aria-labelledby')!)).toBe(caption);
        const summary = doc.getElementById(svg.getAttribute('aria-describedby')!)!;
        expect(summary.classList.contains('chart-summary')).toBe(true);
        expect(summary.textContent).toMatch(/^Summary: \S/);
        // An accessible table of the numbers: caption, column headers, row headers, rows.
        const table = figure.querySelector('details > table')!;
        expect(figure.querySelector('details > summary')!.textContent).toBe(`Data table for Figure ${n}`);
        expect(table.querySelector('caption')!.textContent).toMatch(new RegExp(`^Data for Figure ${n}: `));
        expect(table.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(2);
        expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
        expect(table.querySelectorAll('tbody th[scope="row"]').length).toBe(table.querySelectorAll('tbody tr').length);
        // Source and data vintage, last thing in the figure, after the image.
        const source = figure.querySelector('.chart-source')!;
        expect(figure.lastElementChild).toBe(source);
        expect(source.textContent).toMatch(/^Source: .+, data imported \d{4}-\d{2}-\d{2}\b/);
        expect(svg.compareDocumentPosition(source) & 4 /* FOLLOWING */).toBeTruthy();
      });
      // The list of figures links to each one.
      const listed = [...doc.querySelectorAll('nav.figure-list a')].map((a) => a.getAttribute('href'));
      expect(listed).toEqual(figures.map((f) => `#${f.id}`));
    });

    it('states significance in words, in every summary and data table', () => {
      const words = /significantly (better|worse|higher|lower)|statistically similar|not compared/;
      for (const s of doc.querySelectorAll('.chart-summary')) expect(s.textContent).toMatch(words);
      for (const table of doc.querySelectorAll('details > table')) {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
        const col = heads.findIndex((h) => /^Compared with/.test(h));
        expect(col, heads.join('|')).toBeGreaterThan(0);
        const cells = [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[col]!.textContent);
        for (const c of cells) expect(c).toMatch(/^(Better|Similar|Worse|Higher|Lower|Not compared)$/);
      }
      // Figure 1 (real Fingertips data): the three areas' significance against England, in words.
      expect(doc.querySelector('#figure-1-summary')!.textContent).toMatch(/Leicester was 49\.7 per 100,000 \(95% CI 42\.5 to 57\.6\), significantly better than England/);
    });

    it('labels every figure on the sample library\'s illustrative data as illustrative, and none on real data', () => {
      const charts = sampleCharts();
      const figures = [...doc.querySelectorAll('figure.chart-figure')];
      const illustrative = charts.map((c) => [c.indicatorId, ...c.indicatorIds].some((id) => id.startsWith('ILLUS-')));
      expect(illustrative.filter(Boolean).length).toBe(6);
      figures.forEach((f, i) => {
        const label = f.querySelector('.chart-source .illustrative');
        if (illustrative[i]) {
          expect(label?.textContent, `Figure ${i + 1}`).toBe(ILLUSTRATIVE_NOTE);
          expect(f.querySelector('.chart-summary')!.textContent).toContain(ILLUSTRATIVE_NOTE);
        } else {
          expect(label, `Figure ${i + 1}`).toBeNull();
          expect(f.textContent).not.toMatch(/illustrative/i);
        }
      });
    });

    it('has a title page, a table of contents whose links all land, and recommendations with partner tags and an appendix by partner', () => {
      expect(doc.title).toBe(spec.title);
      expect(doc.querySelector('.title-page h1')!.textContent).toBe(spec.title);
      const meta = Object.fromEntries([...doc.querySelectorAll('.title-page dl div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
      expect(meta).toMatchObject({ Area: spec.titlePage.area, Authors: spec.titlePage.authors, Version: spec.titlePage.version });
      expect(meta.Published).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);

      const toc = [...doc.querySelectorAll('nav.toc a')];
      expect(toc.map((a) => a.textContent)).toEqual(expect.arrayContaining(['1. About this sample', '2. Measuring progress', '3. Recommendations', 'Appendix: Recommendations by partner']));
      for (const a of [...toc, ...doc.querySelectorAll('a[href^="#"]')]) expect(doc.getElementById(a.getAttribute('href')!.slice(1)), a.getAttribute('href')!).not.toBeNull();

      const recs = [...doc.querySelectorAll('main .chapter .recommendation')];
      expect(recs).toHaveLength(22);
      for (const r of recs) expect(r.querySelector('.partner-tags')!.textContent).toMatch(/^\[[^\]]+\]$/);
      expect(recs[0]!.textContent).toMatch(/Partners in the city.*\[HWB\/CTB\]$/s);

      const appendix = doc.getElementById('recommendations-by-partner')!;
      expect(appendix.querySelector('h2')!.textContent).toBe('Appendix: Recommendations by partner');
      const groups = Object.fromEntries([...appendix.querySelectorAll('h3')].map((h) => [h.textContent, doc.querySelectorAll(`ol[aria-labelledby="${h.id}"] > li`).length]));
      expect(groups['LA: Local authority (city council) (16)']).toBe(16);
      expect(Object.keys(groups).find((k) => k.startsWith('CCG'))).toMatch(/\(3\)$/);
      expect(groups['Other partners (2)']).toBe(2);
      for (const h of Object.keys(groups)) expect(h).not.toMatch(/^([^:]+): \1 \(\d+\)$/i); // no "other partners: Other partners"
      expect(groups['Police (1)']).toBe(1);
      // Each listed recommendation links back to it in the chapter.
      const la = appendix.querySelector('ol.partner-recs')!;
      for (const a of la.querySelectorAll('li > a')) expect(doc.getElementById(a.getAttribute('href')!.slice(1))!.classList.contains('recommendation')).toBe(true);
      expect(la.querySelectorAll('li > a')).toHaveLength(16);
    });

    it('passes axe-core in Chromium with 0 violations of the WCAG 2.2 A/AA rules, data tables open and closed', { timeout: 60_000 }, async () => {
      const r = await axeInChromium(htmlPath);
      expect(r.violations).toEqual([]);
      expect(r.checkedTables).toBe(8);
      expect(r.passes).toBeGreaterThan(15);
    });
  });

  describe('PDF', () => {
    it('is tagged (language, figures named by their captions), A4 and more than one page, with an outline', () => {
      expect(pdfOut).toMatchObject({ format: 'pdf', out: pdfPath, charts: 8, figures: 8, recommendations: 22 });
      const info = poppler('pdfinfo', pdfPath);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)$/m);
      expect(Number(/^Pages:\s+(\d+)$/m.exec(info)![1])).toBeGreaterThan(1);
      expect(info).toMatch(new RegExp(`^Title:\\s+${spec.title.replace(/[()]/g, '\\$&')}$`, 'm'));
      // Tagged for screen readers: the document's language, and each chart's figure named by its caption.
      const raw = readFileSync(pdfPath).toString('latin1');
      expect(raw).toContain('/Lang (en-GB)');
      const alts = [...raw.matchAll(/\/Alt \((Figure \d+):/g)].map((m) => m[1]);
      expect(alts).toEqual(Array.from({ length: 8 }, (_, i) => `Figure ${i + 1}`));
      // The contents and the list of figures link into the document (named destinations).
      for (const id of ['chapter-1', 'chapter-3', 'recommendations-by-partner', 'figure-1', 'figure-7']) expect(raw).toContain(`/Dest /${id}`);
      // The document outline (bookmarks): chapters and their sections, and the appendix.
      const outline = /<outline>[\s\S]*<\/outline>/.exec(poppler('pdftohtml', '-xml', '-stdout', '-i', '-q', pdfPath))?.[0] ?? '';
      for (const t of ['1. About this sample', '2. Measuring progress', 'Population health outcomes', 'Operational measures', '3. Recommendations', 'Appendix: Recommendations by partner']) {
        expect(outline).toContain(`>${t}</item>`);
      }
    });

    it('has a running header with the title and a "Page X of Y" footer on every page, and shows Figure 1', () => {
      const pages = pdfPages(pdfPath);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, i) => {
        expect(text.startsWith(spec.title), `page ${i + 1}`).toBe(true);
        expect(text.endsWith(`Page ${i + 1} of ${pages.length}`), `page ${i + 1}`).toBe(true);
      });
      expect(pages.join('\n')).toContain('Figure 1: Campylobacter incidence');
    });

    it('draws charts as vectors (no images, chart text is text), never splits a figure from its summary nor a source line', () => {
      expect(poppler('pdfimages', '-list', pdfPath).trim().split('\n')).toHaveLength(2); // the header lines only
      expect(EXPORT_CSS).toMatch(/\.figure-main \{ break-inside: avoid; \}/);
      const pages = pdfPages(pdfPath);
      const figures = [...doc.querySelectorAll('figure.chart-figure')];
      figures.forEach((f, i) => {
        const n = i + 1;
        // The page with the figure's caption: not the list of figures, nor only its data table's caption.
        const times = (p: string, t: string) => p.split(t).length - 1;
        const at = pages.findIndex((p) => !p.includes('Figures Figure 1: ') && times(p, `Figure ${n}: `) > times(p, `Data for Figure ${n}: `));
        expect(at, `Figure ${n}`).toBeGreaterThan(-1);
        const summaryStart = f.querySelector('.chart-summary')!.textContent!.replace(/\s+/g, ' ').slice(0, 40);
        expect(pages[at], `Figure ${n}'s summary on its page`).toContain(summaryStart);
        // Axis and label text of the chart is real text in the PDF, on the same page as the caption.
        const svgWord = [...f.querySelectorAll('svg text')].map((t) => t.textContent!.trim()).find((t) => t.length > 3 && !/^\d/.test(t));
        expect(pages[at], `Figure ${n}'s chart text`).toContain(svgWord);
      });
      // Each source line is whole on one page (its start and its data date together).
      pages.forEach((p, i) => {
        const starts = p.match(/Source: (?:OHID|Illustrative)/g)?.length ?? 0;
        const dated = p.match(/data imported \d{4}-\s?\d{2}-\s?\d{2}\b/g)?.length ?? 0;
        expect(dated, `page ${i + 1}`).toBe(starts);
      });
      expect(pages.join(' ').match(/data imported \d{4}-\s?\d{2}-\s?\d{2}\b/g)).toHaveLength(figures.length);
    });
  });
});

describe('jsna render: finding Chromium, and bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-render-env-'));
  let project = '';
  const saved = { JSNA_CHROMIUM: process.env.JSNA_CHROMIUM, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
  beforeAll(async () => {
    project = (JSON.parse((await jsna('demo', join(dir, 'ws'))).out) as { project: string }).project;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--to pdf with JSNA_CHROMIUM at a missing path fails at once, saying how to get a browser, and writes nothing', async () => {
    process.env.JSNA_CHROMIUM = join(dir, 'no-such-chromium');
    const out = join(dir, 'x.pdf');
    const r = await jsna('render', project, '--to', 'pdf', '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`JSNA_CHROMIUM points at ${join(dir, 'no-such-chromium')}, which does not exist`);
    expect(r.err).toContain('sudo apt-get install -y chromium');
    expect(r.err).toContain('HTML export (--to html) needs no browser');
    expect(existsSync(out)).toBe(false);
  });

  it('--to html needs no browser', async () => {
    process.env.JSNA_CHROMIUM = join(dir, 'no-such-chromium');
    const r = await jsna('render', project, '--to', 'html', '--out', join(dir, 'x.html'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'x.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses an unknown format, a missing --out, a missing library, and a folder that does not exist', async () => {
    const bad = await jsna('render', project, '--to', 'odt', '--out', join(dir, 'x.odt'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/format: must be one of html, pdf, docx/);
    expect((await jsna('render', project, '--to', 'html')).code).toBe(2);
    const lib = await jsna('render', project, '--library', join(dir, 'none.jsnalib'), '--to', 'html', '--out', join(dir, 'y.html'));
    expect(lib.code).toBe(2);
    expect(lib.err).toMatch(/no such indicator library/);
    const folder = await jsna('render', project, '--to', 'html', '--out', join(dir, 'missing', 'z.html'));
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/its folder does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
