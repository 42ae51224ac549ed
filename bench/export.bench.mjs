// Publish benchmark (issues 6 and 12), on a project generated in this run from the sample workspace:
//  - HTML export of a 300-chart project through the real export (bundled with esbuild): whole
//    file, and vega's spec → SVG per chart (goals: ≤ 5 s, ≤ 15 ms per chart SVG);
//  - PDF export of the same project (HTML + Chromium's print, tagged, with outline, header and
//    footer) vs bare Chromium: Playwright page.pdf() of the same exported HTML file with the same
//    print options, browser start included on both sides (goal ≤ 1.2×). Ours includes writing the
//    HTML, so the ratio is (HTML + print) / print.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadBundle, requireFromRoot, root } from './bundle.mjs';

const CHARTS = Number(process.env.JSNA_BENCH_EXPORT_CHARTS ?? 300);
const PER_CHAPTER = 10;
const RUNS = 3;
/** `JSNA_BENCH_EXPORT_ONLY=html|pdf|docx node bench/run.mjs export`: only that part (for working on it; the full bench runs all). */
const ONLY = process.env.JSNA_BENCH_EXPORT_ONLY ?? '';
const DOCX_RUNS = 3;
const PDF_RUNS = 5;
const HTML_ONLY = ONLY === 'html';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const sec = (x) => `${(x / 1000).toFixed(2)} s`;
const ms = (x) => `${x.toFixed(1)} ms`;

/** Areas of the sample library with every indicator, so repeated charts draw different data. */
const AREAS = ['E10000028', 'E06000021', 'E06000016'];

/**
 * The sample's seven charts (kinds, indicators, comparators), ten to a chapter with text between;
 * each repeat of a chart is for another area (the deprivation chart stays on England, where its
 * categories are), so the document's SVGs are not copies of each other.
 */
function generatedChapters(sampleCharts) {
  const chapters = [];
  for (let c = 0; c < CHARTS / PER_CHAPTER; c++) {
    const content = [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${c + 1}` }] }];
    for (let i = 0; i < PER_CHAPTER; i++) {
      const n = c * PER_CHAPTER + i;
      const base = sampleCharts[n % sampleCharts.length];
      content.push({ type: 'paragraph', content: [{ type: 'text', text: `Commentary on chart ${n + 1}: what it shows, and what partners should do about it.` }] });
      const round = Math.floor(n / sampleCharts.length);
      const areaCode = base.kind === 'inequality' ? base.areaCode : AREAS[(AREAS.indexOf(base.areaCode) + round + 3) % AREAS.length] ?? base.areaCode;
      content.push({ type: 'chart', attrs: { ...base, areaCode, id: `bench-${n}`, title: `${base.title} (${n + 1})` } });
    }
    chapters.push({ title: `Chapter ${c + 1}`, doc: { type: 'doc', content } });
  }
  return chapters;
}

export async function run() {
  // This bundle lands in dist/bench/; the figure worker is the app's, built by scripts/build.mjs.
  const worker = join(root, 'dist', 'electron', 'exportFigureWorker.cjs');
  if (!process.env.JSNA_EXPORT_WORKER && existsSync(worker)) process.env.JSNA_EXPORT_WORKER = worker;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-bench-export-'));
  const svc = await loadBundle(
    'export',
    `export * from './electron/services/export/exportDocument';
     export * from './electron/services/export/pdfOptions';
     export * from './electron/services/export/findChromium';
     export * from './electron/services/export/warmPrinter';
     export * from './electron/services/export/svgDrawer';
     export * from './electron/services/sample/sampleWorkspace';
     export * from './electron/services/project/project';
     export * from './electron/services/documents/chapters';
     export * from './electron/services/library/openLibrary';`,
  );
  try {
    const ws = await svc.createSampleWorkspace(join(dir, 'ws'));
    const sample = svc.openProject(ws.projectPath, { readOnly: true });
    const sampleCharts = [];
    for (const ch of svc.listChapters(sample)) {
      const walk = (n) => {
        if (n.type === 'chart') sampleCharts.push(n.attrs);
        for (const k of n.content ?? []) walk(k);
      };
      walk(svc.getChapter(sample, ch.id).doc);
    }
    const library = svc.openLibrary(ws.libraryPath, { readOnly: true });
    // Warm up (module loading, vega's first parse) on the sample itself.
    await svc.exportDocument(sample, library, { format: ONLY === 'docx' ? 'docx' : 'html' });
    sample.close();

    const project = svc.createProject(join(dir, 'big.jsna'), `Benchmark JSNA (${CHARTS} charts)`);
    project.setMeta('library_path', ws.libraryPath);
    for (const ch of generatedChapters(sampleCharts)) svc.addChapter(project, ch.title, ch.doc);
    if (ONLY === 'docx') {
      const word = await docxBench(svc, project, library);
      project.close();
      library.close();
      return { name: 'Publish: Word export (only)', notes: word.notes, rows: word.rows };
    }

    // As the app does it (figure images on worker threads when the worker bundle is built), and all on
    // the main thread, alternating; the per-chart costs are the main thread's (no contention between
    // our own threads).
    const workerSetting = process.env.JSNA_EXPORT_WORKER;
    const exportOn = async (mainThreadOnly) => {
      process.env.JSNA_EXPORT_WORKER = mainThreadOnly ? '0' : workerSetting ?? '';
      try {
        return await svc.exportDocument(project, library, { format: 'html' });
      } finally {
        if (workerSetting === undefined) delete process.env.JSNA_EXPORT_WORKER;
        else process.env.JSNA_EXPORT_WORKER = workerSetting;
      }
    };
    const html = [];
    const single = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      last = await exportOn(false);
      html.push(last);
      single.push(await exportOn(true));
    }
    if (last.html.figures !== CHARTS) throw new Error(`expected ${CHARTS} figures, drew ${last.html.figures}`);
    if (!single[0].bytes.equals(last.bytes)) throw new Error('worker and main-thread exports differ');
    const htmlMs = median(html.map((r) => r.ms));
    const singleMs = median(single.map((r) => r.ms));
    const svgPerChart = median(single.map((r) => r.html.timings.svgMs / CHARTS));
    const dataPerChart = median(single.map((r) => r.html.timings.dataMs / CHARTS));
    const sanitizePerChart = median(single.map((r) => r.html.timings.sanitizeMs / CHARTS));
    const assemble = median(single.map((r) => r.html.timings.assembleMs));
    const htmlPath = join(dir, 'big.html');
    writeFileSync(htmlPath, last.bytes);
    const workers = svc.figureWorkerPath() ? svc.workerCount() : 0;
    const htmlNotes =
      `A generated project of ${CHARTS} live charts (the sample's seven chart kinds and indicators, repeated; ${CHARTS / PER_CHAPTER} chapters) on the sample library; medians of ${RUNS} HTML runs each way${HTML_ONLY ? '' : ` and ${PDF_RUNS} PDF runs each way, alternating`}. ` +
      `Figure images drawn ${workers ? `on the main thread and ${workers} worker thread${workers > 1 ? 's' : ''} (cores idle when the bench ended), the workers kept warm between exports as in the app (the first export in this process, its workers starting cold, took ${sec(html[0].ms)})` : 'on the main thread (workers are used only with 2+ idle cores and the worker bundle built)'}; forced onto the main thread the same export took ${sec(singleMs)}. Per chart, on the main thread: rows + spec + summary + table ${ms(dataPerChart)}, vega SVG ${ms(svgPerChart)}, sanitising its SVG ${ms(sanitizePerChart)}; assembling and sanitising the document ${ms(assemble)}. `;
    const htmlRows = [
      { metric: `HTML export, ${CHARTS} charts (whole file)`, ours: sec(htmlMs), goal: '≤ 2 s' },
      { metric: 'chart SVG (vega headless), per chart', ours: ms(svgPerChart), goal: '≤ 15 ms' },
    ];
    if (HTML_ONLY) {
      project.close();
      library.close();
      return { name: 'Publish: HTML export (only; JSNA_BENCH_EXPORT_ONLY=html)', notes: htmlNotes, rows: htmlRows };
    }

    // PDF: ours (HTML + print) and bare Chromium on the same file, alternating.
    const { chromium } = requireFromRoot('playwright-core');
    const executablePath = svc.chromiumPath();
    const bare = async () => {
      const t = performance.now();
      const profile = mkdtempSync(join(tmpdir(), 'jsna-bench-chromium-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: svc.chromiumArgs() });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
        const m = svc.PDF_MARGINS_MM;
        const bytes = await page.pdf({
          format: 'A4',
          margin: { top: svc.mm(m.top), bottom: svc.mm(m.bottom), left: svc.mm(m.left), right: svc.mm(m.right) },
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: svc.PDF_HEADER_TEMPLATE,
          footerTemplate: svc.PDF_FOOTER_TEMPLATE,
          tagged: true,
          outline: true,
        });
        return { ms: performance.now() - t, bytes };
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    };
    // Ours as browser mode's server prints (Chromium kept running between exports, as the app's own
    // print engine always is) and as the CLI does (Chromium started for each export, while the HTML
    // is written), and the peer; one round each, alternating.
    const firstWarm = await svc.exportDocument(project, library, { format: 'pdf', keepPrinterWarm: true });
    const ours = [];
    const cold = [];
    const peers = [];
    let pages = 0;
    for (let i = 0; i < PDF_RUNS; i++) {
      const r = await svc.exportDocument(project, library, { format: 'pdf', keepPrinterWarm: true });
      ours.push(r);
      cold.push(await svc.exportDocument(project, library, { format: 'pdf' }));
      const p = await bare();
      peers.push(p.ms);
      pages = (r.bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    }
    await svc.stopWarmPrinter();
    const pdfMs = median(ours.map((r) => r.ms));
    const printMs = median(ours.map((r) => r.printMs));
    const coldMs = median(cold.map((r) => r.ms));
    const peerMs = median(peers);
    const pdfRows = [
      { metric: `PDF export, ${CHARTS} charts (HTML + print), Chromium kept running (browser mode)`, ours: sec(pdfMs), peer: sec(peerMs), ratio: `${(pdfMs / peerMs).toFixed(2)}×`, goal: '≤ 1.2×' },
      { metric: 'of which printing (one print; the contents’ page numbers written into it)', ours: sec(printMs), peer: sec(peerMs), ratio: `${(printMs / peerMs).toFixed(2)}×` },
      { metric: `PDF export, ${CHARTS} charts, Chromium started for the export (the CLI)`, ours: sec(coldMs), peer: sec(peerMs), ratio: `${(coldMs / peerMs).toFixed(2)}×`, goal: '≤ 1.2×' },
    ];
    const pdfNotes =
      `PDF: ${pages} A4 pages, tagged, with outline, medians of ${PDF_RUNS} rounds of each (ours as browser mode, ours as the CLI, the peer). Browser mode's server keeps its Chromium running between exports (closed after a minute without one), as the app's own print engine (Electron's printToPDF, not measurable here) always is; the first PDF export in this process, starting it, took ${sec(firstWarm.ms)}. Of that row's ${sec(pdfMs)}, printing took ${sec(printMs)} (printed ${ours.map((r) => r.prints).join(', ')} time(s) per run: 1 = the contents' page numbers written into the one print). The CLI starts Chromium while the HTML is written and closes it after. ` +
      'Peer: bare Chromium (Playwright page.pdf, same options, browser start included) printing the HTML file we exported. ';
    if (ONLY === 'pdf') {
      project.close();
      library.close();
      return { name: 'Publish: PDF export (only; JSNA_BENCH_EXPORT_ONLY=pdf)', notes: htmlNotes + pdfNotes, rows: [...htmlRows, ...pdfRows] };
    }
    const word = await docxBench(svc, project, library);
    project.close();
    library.close();

    return {
      name: 'Publish: HTML, PDF and Word export',
      notes:
        htmlNotes + pdfNotes + word.notes,
      rows: [...htmlRows, ...pdfRows, ...word.rows,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Word file's parts but its time stamps, with its bookmark numbers counted from the first (needs unzip). */
function docxParts(bytes) {
  const file = join(tmpdir(), `jsna-bench-${process.pid}.docx`);
  writeFileSync(file, bytes);
  try {
    const xml = execFileSync('unzip', ['-p', file, 'word/*.xml'], { maxBuffer: 1 << 30 }).toString('utf8');
    const ids = new Map();
    const media = execFileSync('unzip', ['-v', file], { maxBuffer: 1 << 26 }).toString('utf8').split('\n').filter((l) => l.includes('media/')).map((l) => l.trim().split(/\s+/).slice(0, 1).concat(l.trim().split(/\s+/).slice(6)).join(' '));
    return media.join('\n') + xml.replace(/(_Toc|\bw:id="|\bid=")(\d+)/g, (_m, p, n) => `${p}${ids.get(p + n) ?? ids.set(p + n, ids.size).get(p + n)}`);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Word: the same project to DOCX, as the app does it (figures on workers when built); cold, and the same bytes forced onto the main thread. */
async function docxBench(svc, project, library) {
  const now = new Date('2026-03-05T12:00:00Z');
  const workerSetting = process.env.JSNA_EXPORT_WORKER;
  const exportOn = async (mainThreadOnly) => {
    process.env.JSNA_EXPORT_WORKER = mainThreadOnly ? '0' : workerSetting ?? '';
    try {
      return await svc.exportDocument(project, library, { format: 'docx', now });
    } finally {
      if (workerSetting === undefined) delete process.env.JSNA_EXPORT_WORKER;
      else process.env.JSNA_EXPORT_WORKER = workerSetting;
    }
  };
  const runs = [];
  let single;
  for (let i = 0; i < DOCX_RUNS; i++) {
    runs.push(await exportOn(false));
    if (i === 0) single = await exportOn(true);
  }
  const last = runs.at(-1);
  if (last.html.figures !== CHARTS) throw new Error(`expected ${CHARTS} figures in the DOCX, drew ${last.html.figures}`);
  // docx stamps the time the file was made (docProps/core.xml) and numbers bookmarks from a counter
  // and pictures from counters that run on across documents: everything else must be the same.
  if (docxParts(single.bytes) !== docxParts(last.bytes)) throw new Error('worker and main-thread Word exports differ');
  const t = (key) => median(runs.map((r) => r.html.timings[key]));
  const w = (key) => median(runs.map((r) => r.html.word[key]));
  const per = (key) => ms(t(key) / CHARTS);
  return {
    notes:
      `Word: medians of ${DOCX_RUNS} runs (nothing kept between exports but the warm figure workers; the first Word export in this process took ${sec(runs[0].ms)}); the same bytes with the figures forced onto the main thread (${sec(single.ms)}). ` +
      `Per chart: rows + spec + summary + table ${per('dataMs')}, vega SVG ${per('svgMs')}. PNG fallbacks, rasterised while the charts are drawn: ${last.html.word.pngs} distinct images of ${CHARTS} ` +
      `(a chart repeated with the same data is rasterised once), ${ms(w('pngWorkMs') / last.html.word.pngs)} each (resvg at 2× + encoding, start to end on libuv's pool: one at a time while the charts are drawn, then one per core), ${sec(w('pngMs'))} still to wait for once docx had written the file's parts (it writes them while the last PNGs are made). The Word file: ` +
      `building the blocks ${sec(w('blocksMs'))}, page-number estimate ${sec(w('pagesMs'))}, docx's XML and zip ${sec(w('packMs'))}; ${(last.bytes.length / 2 ** 20).toFixed(1)} MB.`,
    rows: [
      { metric: `DOCX export, ${CHARTS} charts (whole file)`, ours: sec(median(runs.map((r) => r.ms))), goal: '≤ 3 s' },
      { metric: 'of which Word file (PNG fallbacks, page-number estimate, packing)', ours: sec(t('assembleMs')) },
    ],
  };
}
