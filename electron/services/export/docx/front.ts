import { type FileChild, PageBreak, PageReference, Paragraph, TabStopType, TableOfContents, TextRun } from 'docx';
import type { DrawnFigure } from '../figures';
import type { TitlePage } from '../document/titlePage';
import { figureBookmark } from './figure';
import { A4, MARGIN } from './styles';
import { wordText } from './text';

const RIGHT_TAB = A4.width - MARGIN.left - MARGIN.right;

/** The title page: document type, title (Word's Title style) and the project's details that are set; then a page break. */
export function titlePageBlocks(title: TitlePage): FileChild[] {
  const out: FileChild[] = [new Paragraph({ style: 'DocType', children: [new TextRun('Joint Strategic Needs Assessment')] }), new Paragraph({ style: 'Title', children: [new TextRun(wordText(title.title))] })];
  const row = (label: string, value: string | null) => {
    if (value) out.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(wordText(value))] }));
  };
  row('Area', title.area);
  row('Published', title.date);
  row('Authors', title.authors);
  row('Version', title.version);
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/**
 * The contents: a real Word TOC field over Heading 1–2 (chapters and their top-level headings, as
 * the HTML's contents), its entries written in by docx and its page numbers by our page-number
 * estimate (pageEstimate.ts, which lays the pages out as LibreOffice and Word do), so it is right
 * before anyone presses F9, and Word's "Update table" still works.
 */
export function contentsBlocks(): FileChild[] {
  return [
    new Paragraph({ style: 'ContentsHeading', children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/** The list of figures: each figure's caption and a PAGEREF to its caption's bookmark (filled by the same estimate); null when none. */
export function figureListBlocks(drawn: readonly DrawnFigure[]): FileChild[] {
  if (!drawn.length) return [];
  const out: FileChild[] = [new Paragraph({ style: 'ContentsHeading', pageBreakBefore: true, children: [new TextRun('Figures')] })];
  for (const f of drawn) {
    out.push(
      new Paragraph({
        spacing: { after: 60 },
        tabStops: [{ type: TabStopType.RIGHT, position: RIGHT_TAB, leader: 'dot' }],
        children: [new TextRun(wordText(`Figure ${f.number}: ${f.title}`)), new TextRun({ children: ['\t'] }), new PageReference(figureBookmark(f.number), { hyperlink: true })],
      }),
    );
  }
  return out;
}
