import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';

/**
 * Page numbers in the PDF's contents and list of figures, which Chromium cannot fill in itself
 * (no target-counter()). Two passes: print; read the page of each contents entry's target from the
 * PDF's named destinations (Chromium writes one per element id that a link points at); fill the
 * numbers into the entries' fixed-width slots (so no line moves); print again and check the page
 * count did not change (if it did, once more from the second print).
 */

const SLOT = /<span class="toc-page" data-page-of="([A-Za-z0-9_-]+)"><\/span>/g;

/** An object's text by number ("12 0 obj … endobj"), from an uncompressed PDF such as Chromium writes. */
function objectText(pdf: string, n: number): string {
  const at = pdf.search(new RegExp(`(?:^|[\\r\\n])${n} 0 obj\\b`));
  if (at < 0) return '';
  const end = pdf.indexOf('endobj', at);
  return pdf.slice(at, end < 0 ? undefined : end);
}

/** The pages in order, as object numbers, walking the page tree from the catalog. */
function pageObjects(pdf: string): number[] {
  const root = /\/Root (\d+) 0 R/.exec(pdf)?.[1];
  const catalog = root ? objectText(pdf, Number(root)) : '';
  const top = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const out: number[] = [];
  const walk = (n: number, depth: number) => {
    const obj = objectText(pdf, n);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(obj);
    if (!kids || depth > 20) {
      out.push(n);
      return;
    }
    for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]), depth + 1);
  };
  if (top) walk(Number(top), 0);
  return out;
}

/** Each named destination's page (1-based) and the number of pages. */
export function destinationPages(bytes: Buffer): { pages: Map<string, number>; pageCount: number } {
  const pdf = bytes.toString('latin1');
  const order = pageObjects(pdf);
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const root = /\/Root (\d+) 0 R/.exec(pdf)?.[1];
  const dests = /\/Dests (\d+) 0 R/.exec(root ? objectText(pdf, Number(root)) : '')?.[1];
  const pages = new Map<string, number>();
  if (dests) {
    for (const m of objectText(pdf, Number(dests)).matchAll(/\/([A-Za-z0-9_#-]+)\s*\[\s*(\d+) 0 R/g)) {
      const page = index.get(Number(m[2]));
      if (page) pages.set(m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), page);
    }
  }
  return { pages, pageCount: order.length };
}

export function fillPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(SLOT, (m, id: string) => {
    const p = pages.get(id);
    return p === undefined ? m : m.replace('></span>', `>${p}</span>`);
  });
}

/**
 * Invisible everywhere: `visibility` moves nothing (boxes, breaks and named destinations are as
 * before) but nothing is painted. The page's CSP allows inline styles (style-src 'unsafe-inline').
 */
const DRAFT_STYLE = '<style>html, html * { visibility: hidden !important; }</style>';

/**
 * For the first print, which only tells where things fall: every chart's SVG emptied (same element,
 * attributes and size) and nothing painted, so the same layout prints in less time (on the 300-chart
 * bench, the draft's print ~16 s → ~11.5 s median of 6 interleaved runs on a loaded machine).
 */
export function draftHtml(html: string): string {
  return html.replace(/(<svg\b[^>]*>)[^]*?<\/svg>/g, '$1</svg>').replace('</head>', `${DRAFT_STYLE}</head>`);
}

export const hasPageSlots = (html: string) => new RegExp(SLOT.source).test(html);

/** Prints `html` (written to `htmlPath`) with its contents' page numbers; `print` prints the file at htmlPath (`draft`: see StartedPrinter). */
export async function printWithPageNumbers(html: string, htmlPath: string, print: (draft: boolean) => Promise<Buffer>): Promise<{ bytes: Buffer; html: string; passes: number }> {
  if (!hasPageSlots(html)) return { bytes: await print(false), html, passes: 1 };
  // The first print only tells where things fall: a draft (untagged, no outline, each chart an
  // empty SVG of the same size, nothing painted, so the same layout), which prints in a fraction of the time.
  writeFileSync(htmlPath, draftHtml(html), 'utf8');
  let bytes = await print(true);
  let first = destinationPages(bytes);
  for (let pass = 2; pass <= 3; pass++) {
    const filled = fillPageNumbers(html, first.pages);
    writeFileSync(htmlPath, filled, 'utf8');
    bytes = await print(false);
    const again = destinationPages(bytes);
    if (again.pageCount === first.pageCount && [...first.pages].every(([id, p]) => again.pages.get(id) === p)) return { bytes, html: filled, passes: pass };
    first = again;
  }
  throw new AppError('INTERNAL', 'The PDF’s page numbers did not settle after three prints.');
}
