import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import type { PlainTables } from './plainTable';
import { A4, CONTENT_WIDTH_TWIPS, MARGIN } from './styles';
import { type Block, type ParagraphBlock, wordBlocks } from './wordBlocks';

/**
 * The Word file's page numbers (the contents' and list of figures' PAGEREFs, NUMPAGES), worked out
 * by laying its body out on our A4 pages as Word and LibreOffice do, from the same facts: the text
 * column (styles.ts: page size less margins; the header and footer fit in the margins), each
 * paragraph's lines and spacing (space after one paragraph plus space before the next), keep with
 * next and keep lines together, page breaks before, table rows that do not split and header rows
 * repeated on each page a table continues on. docx's own estimate (docx/layout) lays out far more
 * (every Word feature) and took about 1 s per ten charts; this one reads only what our export
 * writes (wordBlocks.ts). Widow and orphan control is off in our styles, so lines split anywhere.
 */
const PAGE_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;

const linesHeight = (p: ParagraphBlock) => p.lines.reduce((a, b) => a + b, 0);

/** How much of `next` must be on the same page as the block before it that is kept with it: a paragraph's first line (all, if kept together), a table's header and first row. */
function firstPart(next: Block | undefined): number {
  if (!next) return 0;
  if (next.kind === 'p') return next.keepLines ? linesHeight(next) : next.lines[0] ?? 0;
  let h = 0;
  for (const r of next.rows) {
    h += r.height;
    if (!r.header) break;
  }
  return h;
}

export interface Pagination {
  /** The page (1-based) each bookmark starts on. */
  bookmarks: Map<string, number>;
  pages: number;
}

export function paginate(blocks: readonly Block[], pageHeight = PAGE_HEIGHT): Pagination {
  const bookmarks = new Map<string, number>();
  let page = 1;
  let y = 0;
  let after = 0;
  // The page began at a page break (or is the first): space before its first paragraph is kept, as it
  // is not after a page that simply filled up.
  let hard = true;
  const newPage = (isHard: boolean) => {
    page += 1;
    y = after = 0;
    hard = isHard;
  };
  // Between two paragraphs, the larger of the space after the first and before the second.
  const gap = (before: number) => (y === 0 ? (hard ? before : 0) : Math.max(after, before));
  let breakNext = false;
  blocks.forEach((b, i) => {
    if (breakNext || (b.kind === 'p' && b.pageBreakBefore && i > 0)) newPage(true);
    breakNext = b.kind === 'p' && b.breakAfter;
    if (b.kind === 'table') {
      const header = b.rows.findIndex((r) => !r.header);
      const heads = header < 0 ? b.rows.length : header;
      const headerHeight = b.rows.slice(0, heads).reduce((a, r) => a + r.height, 0);
      b.rows.forEach((r, k) => {
        // The header rows go with the first row; a row that does not fit starts a page, under the header rows again.
        const need = k === 0 ? headerHeight + (b.rows[heads]?.height ?? 0) : r.height;
        if (k >= heads || k === 0) {
          if (y > 0 && y + after + need > pageHeight) {
            newPage(false);
            if (k > 0) y = headerHeight;
          }
        }
        y += after + r.height;
        after = 0;
        for (const name of r.bookmarks) if (!bookmarks.has(name)) bookmarks.set(name, page);
      });
      return;
    }
    // Kept with the next: this paragraph whole (if kept together or with the next) or its first line, and the
    // chain of paragraphs kept with theirs, up to the first part of the block the chain ends on.
    let need = b.keepLines || b.keepNext ? linesHeight(b) : b.lines[0] ?? 0;
    if (b.keepNext) {
      let j = i + 1;
      let spacing = b.after;
      for (; j < blocks.length; j++) {
        const n = blocks[j]!;
        if (n.kind !== 'p' || !n.keepNext || n.pageBreakBefore) break;
        need += Math.max(spacing, n.before) + linesHeight(n);
        spacing = n.after;
      }
      const end = blocks[j];
      if (end && !(end.kind === 'p' && end.pageBreakBefore)) need += (end.kind === 'p' ? Math.max(spacing, end.before) : spacing) + firstPart(end);
    }
    if (y > 0 && y + gap(b.before) + need > pageHeight && need <= pageHeight) newPage(false);
    y += gap(b.before);
    b.lines.forEach((h, k) => {
      if (y + h > pageHeight && y > 0 && k > 0) newPage(false);
      if (k === 0) for (const name of b.bookmarks) bookmarks.set(name, page);
      y += h;
    });
    after = b.after;
  });
  return { bookmarks, pages: page };
}

/** docx's page-number hook: the body just before it is written (its plain tables measured from `tables`), laid out with paginate. */
export const pageEstimator =
  (tables: Pick<PlainTables, 'get'>): PageNumberEstimator =>
  (body: IXmlableObject, _context: IContext): EstimatedPageNumbers => {
    const { bookmarks, pages } = paginate(wordBlocks(body, CONTENT_WIDTH_TWIPS, (id) => tables.get(id)));
    return {
      bookmarks: new Map([...bookmarks].map(([name, p]) => [name, String(p)])),
      bookmarkPageNumbers: bookmarks,
      pageCount: pages,
      sectionPageCounts: [pages],
    };
  };
