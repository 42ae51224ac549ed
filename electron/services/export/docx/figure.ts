import { Bookmark, type FileChild, ImageRun, Paragraph, SequentialIdentifier, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ILLUSTRATIVE_NOTE } from '../../../../shared/charts/format';
import { type DrawnFigure, figureIds, type FigureResult } from '../figures';
import { CELL_MARGINS, CONTENT_WIDTH_PX, CONTENT_WIDTH_TWIPS } from './styles';
import { wordText } from './text';

/** The picture of a drawn figure for Word: its SVG as XML, its PNG fallback, its size in pixels. */
export interface WordImage {
  svg: Buffer;
  png: Buffer;
  width: number;
  height: number;
}

const cellParagraph = (text: string, bold = false) => new Paragraph({ style: 'TableText', children: [new TextRun({ text: wordText(text), bold })] });

/** Column widths (twips) in proportion to each column's longest word and text, so no column is squeezed to one letter a line. */
export function columnWidths(columns: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const need = columns.map((c, i) => {
    const texts = [c, ...rows.map((r) => r[i] ?? '')];
    const word = Math.max(...texts.flatMap((t) => t.split(/\s+/).map((w) => w.length)));
    const whole = Math.max(...texts.map((t) => t.length));
    return Math.max(word + 1, Math.min(whole, 28) * 0.6, 4);
  });
  const sum = need.reduce((a, b) => a + b, 0);
  return need.map((n) => Math.floor((n / sum) * CONTENT_WIDTH_TWIPS));
}

/** The chart's data as a real Word table: a header row repeated on every page, the first column as row headers (bold). */
function dataTable(f: DrawnFigure): FileChild[] {
  const columns = Math.max(1, f.table.columns.length);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: f.table.columns.map((c) => new TableCell({ children: [cellParagraph(c, true)], shading: { fill: 'F3F2F1', type: 'clear', color: 'auto' } })) });
  const rows = f.table.rows.length
    ? f.table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((cell, i) => new TableCell({ children: [cellParagraph(cell, i === 0)] })) }))
    : [new TableRow({ children: [new TableCell({ columnSpan: columns, children: [cellParagraph('No values.')] })] })];
  return [
    new Paragraph({ style: 'TableText', keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: wordText(`Data for Figure ${f.number}: ${f.table.caption}`), bold: true })] }),
    new Table({ width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: columnWidths(f.table.columns, f.table.rows), margins: CELL_MARGINS, rows: f.table.columns.length ? [header, ...rows] : rows }),
  ];
}

/**
 * A numbered figure, as in the HTML: its caption as a native Word caption ("Figure " + a SEQ Figure
 * field, bookmarked for the list of figures and cross-references), the chart (SVG with a PNG
 * fallback; the headline as the picture's title and the text summary as its description), the
 * author's caption, the summary, the data table, and the source line with the illustrative-data
 * warning where it applies.
 */
function drawnFigure(f: DrawnFigure, image: WordImage): FileChild[] {
  const scale = Math.min(1, CONTENT_WIDTH_PX / image.width);
  const caption = new Paragraph({
    style: 'Caption',
    children: [new Bookmark({ id: figureBookmark(f.number), children: [new TextRun('Figure '), new SequentialIdentifier('Figure')] }), new TextRun(wordText(`: ${f.title}`))],
  });
  const picture = new Paragraph({
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: image.svg,
        fallback: { type: 'png', data: image.png },
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: `Figure ${f.number}`, title: wordText(f.title), description: wordText(f.summary) },
      }),
    ],
  });
  const out: FileChild[] = [caption, picture];
  if (f.caption) out.push(new Paragraph({ children: [new TextRun({ text: wordText(f.caption), italics: true })] }));
  out.push(new Paragraph({ children: [new TextRun({ text: 'Summary: ', bold: true }), new TextRun(wordText(f.summary))] }));
  out.push(...dataTable(f));
  const source = [new TextRun(wordText(f.source))];
  if (f.illustrative) source.push(new TextRun({ text: ` ${ILLUSTRATIVE_NOTE}`, bold: true }));
  out.push(new Paragraph({ style: 'Source', spacing: { before: 120 }, children: source }));
  return out;
}

/** A chart node in the Word file: its figure, or a note saying why it could not be drawn. */
export function chartBlocks(f: FigureResult | undefined, images: ReadonlyMap<number, WordImage>): FileChild[] {
  if (!f) return [];
  if (f.ok) {
    const image = images.get(f.number);
    if (image) return drawnFigure(f, image);
  }
  const title = f.ok ? f.title : f.title;
  const message = f.ok ? 'The chart could not be drawn.' : f.message;
  return [new Paragraph({ style: 'Recommendation', children: [new TextRun({ text: wordText(`Chart not available (${title}): `), bold: true }), new TextRun(wordText(message))] })];
}

/** Bookmark names may hold letters, digits and _ only. */
export const figureBookmark = (n: number) => figureIds(n).figure.replace('-', '_');
