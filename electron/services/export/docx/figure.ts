import { Bookmark, type FileChild, type ImageRun, Paragraph, SequentialIdentifier, TextRun } from 'docx';
import { ILLUSTRATIVE_NOTE } from '../../../../shared/charts/format';
import { type DrawnFigure, figureIds, type FigureResult } from '../figures';
import { textWidth } from '../../charts/fontMetrics';
import { PictureRun } from './pictureRun';
import type { PlainRow, PlainTables } from './plainTable';
import { CELL_MARGINS, CONTENT_WIDTH_PX, CONTENT_WIDTH_TWIPS } from './styles';
import { wordText } from './text';

/**
 * The picture of a drawn figure for Word: its SVG as XML (with its SHA-1, hex), its size in pixels,
 * and its PNG fallback, rasterised from that SVG (null until it is: docx writes the file's parts
 * meanwhile, with a placeholder that is replaced by the PNG once it is ready).
 */
export interface WordImage {
  svg: Buffer;
  svgHash: string;
  png: Buffer | null;
  /** Stands in for the PNG while docx writes the parts (this very object); pack.ts puts the PNG in its place. */
  pngPlaceholder: Buffer;
  width: number;
  height: number;
}

const TABLE_TEXT_PT = 9; // the TableText style
const twips = (text: string, bold: boolean) => textWidth(text, TABLE_TEXT_PT, bold) * 20;

/**
 * Column widths (twips): first every column as wide as its longest word (bold in the header) plus the
 * cell's margins, measured with Arial's widths, so no number or word is broken when the table can
 * hold them all; what is left goes to the columns with longer texts, in proportion to what they lack.
 */
export function columnWidths(columns: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const margins = CELL_MARGINS.left + CELL_MARGINS.right + 20;
  const longestWord = (t: string, bold: boolean) => Math.max(0, ...t.split(/\s+/).map((w) => twips(w, bold)));
  const least = columns.map((c, i) => margins + Math.max(longestWord(c, true), ...rows.map((r) => longestWord(r[i] ?? '', false))));
  const wish = columns.map((c, i) => margins + Math.min(Math.max(twips(c, true), ...rows.map((r) => twips(r[i] ?? '', false))), 2800));
  const sumLeast = least.reduce((a, b) => a + b, 0);
  if (sumLeast >= CONTENT_WIDTH_TWIPS) return least.map((n) => Math.floor((n / sumLeast) * CONTENT_WIDTH_TWIPS));
  const lack = wish.map((w, i) => Math.max(0, w - least[i]!));
  const sumLack = lack.reduce((a, b) => a + b, 0);
  const spare = CONTENT_WIDTH_TWIPS - sumLeast;
  return least.map((n, i) => Math.floor(n + (sumLack ? (lack[i]! / sumLack) * spare : spare / least.length)));
}

/** The chart's data as a real Word table: a header row repeated on every page, the first column as row headers (bold). */
function dataTable(f: DrawnFigure, tables: PlainTables): FileChild[] {
  const columns = Math.max(1, f.table.columns.length);
  const header: PlainRow = { header: true, cantSplit: true, cells: f.table.columns.map((c) => ({ text: c, bold: true, shading: 'F3F2F1' })) };
  const rows: PlainRow[] = f.table.rows.length
    ? f.table.rows.map((r) => ({ cantSplit: true, cells: r.map((cell, i) => ({ text: cell, bold: i === 0 })) }))
    : [{ cells: [{ text: 'No values.', span: columns }] }];
  const widths = f.table.columns.length ? columnWidths(f.table.columns, f.table.rows) : [CONTENT_WIDTH_TWIPS];
  return [
    new Paragraph({ style: 'TableText', keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: wordText(`Data for Figure ${f.number}: ${f.table.caption}`), bold: true })] }),
    tables.add({ style: 'TableText', width: CONTENT_WIDTH_TWIPS, columnWidths: widths, margins: CELL_MARGINS, rows: f.table.columns.length ? [header, ...rows] : rows }),
  ];
}

/**
 * A numbered figure, as in the HTML: its caption as a native Word caption ("Figure " + a SEQ Figure
 * field, bookmarked for the list of figures and cross-references), the chart (SVG with a PNG
 * fallback; the headline as the picture's title and the text summary as its description), the
 * author's caption, the summary, the data table, and the source line with the illustrative-data
 * warning where it applies.
 */
function drawnFigure(f: DrawnFigure, image: WordImage, tables: PlainTables): FileChild[] {
  const scale = Math.min(1, CONTENT_WIDTH_PX / image.width);
  const caption = new Paragraph({
    style: 'Caption',
    children: [new Bookmark({ id: figureBookmark(f.number), children: [new TextRun('Figure '), new SequentialIdentifier('Figure')] }), new TextRun(wordText(`: ${f.title}`))],
  });
  const picture = new Paragraph({
    keepNext: true,
    children: [
      new PictureRun(
        image,
        { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        { name: `Figure ${f.number}`, title: wordText(f.title), description: wordText(f.summary) },
      ) as unknown as ImageRun, // docx's types list the run classes a paragraph may hold; this is ImageRun's markup
    ],
  });
  const out: FileChild[] = [caption, picture];
  if (f.caption) out.push(new Paragraph({ children: [new TextRun({ text: wordText(f.caption), italics: true })] }));
  out.push(new Paragraph({ children: [new TextRun({ text: 'Summary: ', bold: true }), new TextRun(wordText(f.summary))] }));
  out.push(...dataTable(f, tables));
  const source = [new TextRun(wordText(f.source))];
  if (f.illustrative) source.push(new TextRun({ text: ` ${ILLUSTRATIVE_NOTE}`, bold: true }));
  out.push(new Paragraph({ style: 'Source', spacing: { before: 120 }, children: source }));
  return out;
}

/** A chart node in the Word file: its figure, or a note saying why it could not be drawn. */
export function chartBlocks(f: FigureResult | undefined, images: ReadonlyMap<number, WordImage>, tables: PlainTables): FileChild[] {
  if (!f) return [];
  if (f.ok) {
    const image = images.get(f.number);
    if (image) return drawnFigure(f, image, tables);
  }
  const title = f.ok ? f.title : f.title;
  const message = f.ok ? 'The chart could not be drawn.' : f.message;
  return [new Paragraph({ style: 'Recommendation', children: [new TextRun({ text: wordText(`Chart not available (${title}): `), bold: true }), new TextRun(wordText(message))] })];
}

/** Bookmark names may hold letters, digits and _ only. */
export const figureBookmark = (n: number) => figureIds(n).figure.replace('-', '_');
