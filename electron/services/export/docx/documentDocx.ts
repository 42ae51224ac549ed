import type { Node as PMNode } from '@tiptap/pm/model';
import { Document } from 'docx';
import { throwIfCancelled } from '../cancelled';
import { type ChartAttrs, defaultChartAttrs } from '../../../../shared/editor/nodes/chart';
import { liveChapters } from '../../documents/chapterStore';
import type { Library } from '../../library/openLibrary';
import type { Project } from '../../project/project';
import { planChapters } from '../document/chapterPlan';
import { appendixData } from '../document/partnerAppendix';
import { titlePageOf } from '../document/titlePage';
import type { DocumentExportSummary, HtmlExportOptions } from '../documentHtml';
import { type DrawnFigure, drawFigures, type FigureResult } from '../figures';
import { partnerAppendixBlocks } from './appendix';
import { pageEstimator } from './pageEstimate';
import { packDocx } from './pack';
import { PlainTables } from './plainTable';
import { childBlocks, type WordContext } from './blocks';
import { contentsBlocks, figureListBlocks, titlePageBlocks } from './front';
import { A4, CONTENT_WIDTH_PX, MARGIN, NUMBERING, runningHeaderFooter, STYLES } from './styles';
import { wordImages } from './wordImage';
import { FileChild, HeadingLevel, Paragraph, TextRun } from 'docx';
import { wordText } from './text';

export interface DocxExportResult extends DocumentExportSummary {
  bytes: Buffer;
  /** Where the Word file's time went (the figures' is in `timings`). */
  word: { pngMs: number; pngWorkMs: number; pngs: number; blocksMs: number; pagesMs: number; packMs: number };
}

const chartAttrsOf = (node: PMNode): ChartAttrs => ({ ...defaultChartAttrs, ...(node.attrs as Partial<ChartAttrs>) }) as ChartAttrs;

/**
 * The published JSNA as a Word file, from the same chapter plan, figures (figureOf, via
 * drawFigures) and appendix data as the HTML: title page, contents (a TOC field with its page
 * numbers filled in), list of figures, chapters (Heading 1 per chapter), appendix by partner.
 */
export async function renderDocumentDocx(project: Project, library: Library | null, opts: HtmlExportOptions = {}): Promise<DocxExportResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const title = titlePageOf(project, now);
  const plan = planChapters(liveChapters(project).filter((c) => !opts.chapterIds || opts.chapterIds.has(c.id)));
  const total = plan.chartNodes.length + 1;
  opts.onProgress?.({ label: 'Drawing charts', done: 0, total });
  const pictures = wordImages(CONTENT_WIDTH_PX);
  const { figures: results, timings } = await drawFigures(plan.chartNodes.map(chartAttrsOf), library, {
    signal: opts.signal,
    onDrawn: (done, _total, figure) => {
      if (figure) pictures.add(figure);
      opts.onProgress?.({ label: 'Drawing charts', done, total });
    },
    noLibraryMessage: `The indicator library (${project.libraryPath}) could not be opened, so this chart cannot be drawn.`,
  });
  pictures.allCores();
  throwIfCancelled(opts.signal);
  const t = performance.now();
  const drawn = results.filter((f): f is DrawnFigure => f.ok);
  // The document is built while the last PNG fallbacks are still being rasterised.
  const images = pictures.of(drawn);
  const figures = new Map<PMNode, FigureResult>(plan.chartNodes.map((n, i) => [n, results[i]!]));
  let instance = 0;
  const tables = new PlainTables();
  const ctx: WordContext = { plan, figures, images, tables, nextListInstance: () => ++instance };

  const body: FileChild[] = [...titlePageBlocks(title), ...contentsBlocks(), ...figureListBlocks(drawn)];
  plan.chapters.forEach((c, i) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(wordText(`${i + 1}. ${c.row.title}`))] }));
    body.push(...childBlocks(c.node, ctx));
  });
  body.push(...partnerAppendixBlocks(appendixData(project, opts.chapterIds)));
  const blocksMs = performance.now() - t;
  let pagesMs = 0;
  const estimate = pageEstimator(tables);
  const pageNumbers: typeof estimate = (xml, context) => {
    const t0 = performance.now();
    const pages = estimate(xml, context);
    pagesMs += performance.now() - t0;
    return pages;
  };

  const doc = new Document({
    creator: 'JSNA Studio',
    // Word (and LibreOffice) put the person's name here and count the revision up when the file is
    // saved: an export replaces only a file still as we wrote it (export/exportTarget.ts).
    lastModifiedBy: 'JSNA Studio',
    revision: 1,
    title: wordText(title.title),
    description: 'Joint Strategic Needs Assessment',
    styles: STYLES,
    numbering: NUMBERING,
    pageNumbers,
    sections: [
      {
        properties: { titlePage: true, page: { size: A4, margin: MARGIN } },
        ...runningHeaderFooter(title.title),
        children: body,
      },
    ],
  });
  // docx writes the parts while the last PNG fallbacks are still being rasterised; they go in as they are ready.
  const packStarted = performance.now();
  const { bytes, waitedMs: pngMs } = await packDocx(doc, tables, now, pictures.pngs());
  throwIfCancelled(opts.signal);
  const packMs = performance.now() - packStarted - pagesMs - pngMs;
  opts.onProgress?.({ label: 'Drawing charts', done: total, total });
  return {
    bytes,
    title: title.title,
    charts: plan.chartNodes.length,
    figures: drawn.length,
    recommendations: plan.recommendationIds.size,
    timings: { ...timings, assembleMs: performance.now() - t, totalMs: performance.now() - started },
    word: { pngMs, pngWorkMs: pictures.workMs, pngs: new Set(images.values()).size, blocksMs, pagesMs, packMs },
  };
}
