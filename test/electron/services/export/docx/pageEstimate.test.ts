import { describe, expect, it } from 'vitest';
import { paginate } from '../../../../../electron/services/export/docx/pageEstimate';
import type { Block, ParagraphBlock, TableBlock } from '../../../../../electron/services/export/docx/wordBlocks';

const p = (name: string, lines: number[], o: Partial<ParagraphBlock> = {}): ParagraphBlock => ({
  kind: 'p',
  before: 0,
  after: 0,
  lines,
  keepNext: false,
  keepLines: false,
  pageBreakBefore: false,
  breakAfter: false,
  bookmarks: [name],
  ...o,
});
const table = (heights: number[], header = 0, names: string[] = []): TableBlock => ({
  kind: 'table',
  rows: heights.map((height, i) => ({ height, header: i < header, cantSplit: true, bookmarks: names[i] ? [names[i]!] : [] })),
});
const pages = (blocks: Block[], height = 1000) => Object.fromEntries(paginate(blocks, height).bookmarks);

describe('the Word page-number estimate', () => {
  it('fills a page line by line and splits a paragraph across pages', () => {
    expect(pages([p('a', [300, 300]), p('b', [300, 300])])).toEqual({ a: 1, b: 1 });
    expect(paginate([p('a', [300, 300]), p('b', [300, 300])], 1000).pages).toBe(2);
    // A paragraph whose first line does not fit starts on the next page.
    expect(pages([p('a', [400, 400]), p('b', [400])])).toEqual({ a: 1, b: 2 });
  });

  it('puts the larger of the space after and the space before between paragraphs, none at the top of a page that filled up', () => {
    // 500 + max(100, 300) + 200 = 1000 fits; with the two spacings added it would not.
    expect(pages([p('a', [500], { after: 100 }), p('b', [200], { before: 300 })])).toEqual({ a: 1, b: 1 });
    // b goes over: on page 2 its space before is dropped, so c still fits there.
    expect(pages([p('a', [900]), p('b', [500], { before: 300 }), p('c', [500])])).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('keeps the space before after a page break, and starts a page at a page break', () => {
    expect(pages([p('a', [100], { breakAfter: true }), p('b', [600], { before: 300 }), p('c', [200])])).toEqual({ a: 1, b: 2, c: 3 });
    expect(pages([p('a', [100]), p('b', [100], { pageBreakBefore: true })])).toEqual({ a: 1, b: 2 });
  });

  it('moves a paragraph kept with the next to the next page with the first line of what follows', () => {
    expect(pages([p('a', [700]), p('caption', [100], { keepNext: true }), p('picture', [150], { keepNext: true }), p('text', [100, 100])])).toEqual({ a: 1, caption: 2, picture: 2, text: 2 });
    // A table's title goes with its header row and first row: 750 + 100 + 100 + 100 is too much for one page.
    expect(pages([p('a', [750]), p('title', [100], { keepNext: true }), table([100, 100, 100], 1, ['h'])])).toEqual({ a: 1, title: 2, h: 2 });
    expect(pages([p('a', [700]), p('title', [100], { keepNext: true }), table([100, 100, 100], 1, ['h'])])).toEqual({ a: 1, title: 1, h: 1 });
  });

  it('repeats a table’s header rows on each page it continues on, and does not split a row', () => {
    // Header 100, rows of 300: page 1 holds the header and three rows, page 2 the header again and the last two.
    const t = table([100, 300, 300, 300, 300, 300], 1, ['h', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(pages([t, p('after', [100])])).toEqual({ h: 1, r1: 1, r2: 1, r3: 1, r4: 2, r5: 2, after: 2 });
    expect(paginate([t, p('after', [300])], 1000).pages).toBe(2);
    expect(paginate([t, p('after', [400])], 1000).pages).toBe(3);
  });
});
