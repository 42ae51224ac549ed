import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { ChromiumPdf } from './chromiumPdf';
import { PLACEHOLDER, writePageNumbers } from './pdfPageNumbers';

/**
 * Page numbers in the PDF's contents and list of figures, which Chromium cannot fill in itself
 * (no target-counter()). Each entry has a fixed-width slot for its number, so what a slot holds moves
 * nothing. One print, with a placeholder in every slot; the page of each entry's target is read from
 * the PDF's named destinations (Chromium writes one per element id that a link points at) and
 * written over the placeholders in the PDF itself (pdfPageNumbers.ts). Where that cannot be done
 * with certainty, a second print with the numbers in the HTML, checked to fall as the first did
 * (if it did not, once more from the second print).
 */

const SLOT = /<span class="toc-page" data-page-of="([A-Za-z0-9_-]+)"><\/span>/g;

/** Each named destination's page (1-based) and the number of pages; none of either when the PDF is not laid out as Chromium writes them. */
export function destinationPages(bytes: Buffer): { pages: Map<string, number>; pageCount: number } {
  const pdf = ChromiumPdf.read(bytes);
  if (!pdf) return { pages: new Map(), pageCount: 0 };
  const order = pdf.pages();
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const pages = new Map<string, number>();
  for (const [name, page] of pdf.destinations()) {
    const at = index.get(page);
    if (at) pages.set(name, at);
  }
  return { pages, pageCount: order.length };
}

export function fillPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(SLOT, (m, id: string) => {
    const p = pages.get(id);
    return p === undefined ? m : m.replace('></span>', `>${p}</span>`);
  });
}

/** Every empty slot given the placeholder: the HTML printed first. */
export function withPlaceholders(html: string): string {
  return html.replace(SLOT, (m) => m.replace('></span>', `>${PLACEHOLDER}</span>`));
}

export const slotIds = (html: string) => [...html.matchAll(SLOT)].map((m) => m[1]!);

export const hasPageSlots = (html: string) => new RegExp(SLOT.source).test(html);

/**
 * Prints `html` (writing it to `htmlPath`) with its contents' page numbers; `print` prints the file at
 * htmlPath. `passes`: how many prints it took (1 when the numbers could be written into the first).
 */
export async function printWithPageNumbers(html: string, htmlPath: string, print: () => Promise<Buffer>): Promise<{ bytes: Buffer; html: string; passes: number }> {
  if (!hasPageSlots(html)) {
    writeFileSync(htmlPath, html, 'utf8');
    return { bytes: await print(), html, passes: 1 };
  }
  writeFileSync(htmlPath, withPlaceholders(html), 'utf8');
  let bytes = await print();
  let first = destinationPages(bytes);
  const written = writePageNumbers(bytes, slotIds(html), first.pages);
  if (written) return { bytes: written, html: fillPageNumbers(html, first.pages), passes: 1 };
  for (let pass = 2; pass <= 3; pass++) {
    const filled = fillPageNumbers(html, first.pages);
    writeFileSync(htmlPath, filled, 'utf8');
    bytes = await print();
    const again = destinationPages(bytes);
    if (again.pageCount === first.pageCount && [...first.pages].every(([id, p]) => again.pages.get(id) === p)) return { bytes, html: filled, passes: pass };
    first = again;
  }
  throw new AppError('INTERNAL', 'The PDF’s page numbers did not settle after three prints.');
}
