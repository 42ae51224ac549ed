import type { IXmlableObject } from 'docx';
import { textWidth } from '../../charts/fontMetrics';
import { AppError } from '../../../../shared/api/errors';
import { BORDER_SIZE, PLACEHOLDER_TAG, type PlainTable } from './plainTable';
import { STYLES } from './styles';

/**
 * The formatted Word body (docx's XML objects, just before it is written) read as what the page
 * layout needs: each paragraph's lines and their heights, each table's rows and their heights, with
 * the keep settings and spacing of its style. Text is broken into lines as Word breaks it (at spaces,
 * with Arial's widths, charts/fontMetrics.ts); a line is as tall as its largest font (Arial's ascent
 * and descent, 1.117 em) times the paragraph's line spacing, or as its picture. All in twips.
 */
export interface ParagraphBlock {
  kind: 'p';
  before: number;
  after: number;
  lines: number[];
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  /** A page break in it: what follows starts a new page (the paragraph itself stays before the break). */
  breakAfter: boolean;
  bookmarks: string[];
}
export interface TableBlock {
  kind: 'table';
  rows: { height: number; header: boolean; cantSplit: boolean; bookmarks: string[] }[];
}
export type Block = ParagraphBlock | TableBlock;

type El = IXmlableObject;
/** Arial's (and Liberation Sans's) ascent, descent and line gap, in units of 2048 to the em. */
const EM = (1854 + 434 + 67) / 2048;
/** A line of Arial at `size` points, in twips: its height (ascent, descent and line gap) times the line spacing. */
const textLine = (size: number, factor: number) => size * 20 * EM * factor;
const EMU_PER_TWIP = 635;

const nameOf = (e: unknown): string | undefined => (typeof e === 'object' && e !== null ? Object.keys(e)[0] : undefined);
const kids = (e: El): unknown[] => {
  const c = e[nameOf(e)!];
  return Array.isArray(c) ? c : c === undefined ? [] : [c];
};
const child = (e: El, name: string) => kids(e).find((k) => nameOf(k) === name) as El | undefined;
const attr = (e: El | undefined, key: string): string | undefined => {
  const a = e && (kids(e).find((k) => nameOf(k) === '_attr') as { _attr?: Record<string, unknown> } | undefined);
  const v = a?._attr?.[key];
  return v === undefined ? undefined : String(v);
};
const on = (e: El | undefined) => e !== undefined && !['false', '0', 'off'].includes(attr(e, 'w:val') ?? 'true');

interface Props {
  size: number; // half-points
  bold: boolean;
  before: number;
  after: number;
  line: number; // 240ths of a line (auto)
  indent: number;
  keepNext: boolean;
  keepLines: boolean;
}

type StyleOpts = { run?: { size?: number; bold?: boolean }; paragraph?: { spacing?: { before?: number; after?: number; line?: number }; indent?: { left?: number }; keepNext?: boolean; keepLines?: boolean } };
const merge = (p: Props, s: StyleOpts | undefined): Props => ({
  size: s?.run?.size ?? p.size,
  bold: s?.run?.bold ?? p.bold,
  before: s?.paragraph?.spacing?.before ?? p.before,
  after: s?.paragraph?.spacing?.after ?? p.after,
  line: s?.paragraph?.spacing?.line ?? p.line,
  indent: s?.paragraph?.indent?.left ?? p.indent,
  keepNext: s?.paragraph?.keepNext ?? p.keepNext,
  keepLines: s?.paragraph?.keepLines ?? p.keepLines,
});

/** Each paragraph style's facts, from styles.ts (and the "toc n" styles docx adds: 5 pt after, 11 pt more indent a level). */
function styleTable(): Map<string, Props> {
  const d = STYLES.default!;
  const normal = merge({ size: 22, bold: false, before: 0, after: 0, line: 240, indent: 0, keepNext: false, keepLines: false }, d.document as StyleOpts);
  const table = new Map<string, Props>([['Normal', normal]]);
  const builtIn: [string, unknown][] = [['Title', d.title], ['Heading1', d.heading1], ['Heading2', d.heading2], ['Heading3', d.heading3], ['Heading4', d.heading4]];
  for (const [id, s] of builtIn) table.set(id, merge(normal, s as StyleOpts));
  for (let level = 1; level <= 9; level++) table.set(`TOC${level}`, merge(normal, { paragraph: { spacing: { after: 100 }, indent: { left: (level - 1) * 220 } } }));
  for (const s of STYLES.paragraphStyles ?? []) table.set(s.id, merge(table.get(s.basedOn ?? 'Normal') ?? normal, s as StyleOpts));
  return table;
}

interface Piece {
  width: number;
  size: number;
  space: boolean;
  height?: number;
  text?: string;
  bold?: boolean;
}

/** Text as words and spaces with their widths (appended to `out`). */
function textPieces(text: string, size: number, bold: boolean, out: Piece[]): Piece[] {
  for (const part of text.split(/( +)/)) if (part) out.push({ width: textWidth(part, size, bold) * 20, size, space: part.startsWith(' '), text: part, bold });
  return out;
}

/** The visible text, tabs, breaks and pictures of a paragraph, as words and spaces with their widths. */
function pieces(p: El, base: Props): { pieces: Piece[]; bookmarks: string[]; pageBreak: boolean } {
  const out: Piece[] = [];
  const bookmarks: string[] = [];
  let pageBreak = false;
  let inInstruction = false;
  const run = (r: El) => {
    const rPr = child(r, 'w:rPr');
    const size = Number(attr(rPr && child(rPr, 'w:sz'), 'w:val') ?? base.size) / 2;
    const b = rPr && child(rPr, 'w:b');
    const bold = b ? on(b) : base.bold;
    for (const k of kids(r)) {
      const n = nameOf(k);
      if (n === 'w:fldChar') inInstruction = attr(k as El, 'w:fldCharType') === 'begin';
      else if (n === 'w:t' && !inInstruction) {
        textPieces(kids(k as El).filter((x): x is string => typeof x === 'string').join(''), size, bold, out);
      } else if (n === 'w:tab') out.push({ width: 720, size, space: true });
      else if (n === 'w:br') {
        if (attr(k as El, 'w:type') === 'page') pageBreak = true;
        else out.push({ width: Infinity, size, space: true });
      } else if (n === 'w:drawing') {
        const frame = kids(k as El).find((f) => nameOf(f) === 'wp:inline' || nameOf(f) === 'wp:anchor') as El | undefined;
        const cy = Number(attr(frame && child(frame, 'wp:extent'), 'cy') ?? 0);
        out.push({ width: 0, size, space: false, height: cy / EMU_PER_TWIP });
      }
    }
  };
  const walk = (e: El) => {
    for (const k of kids(e)) {
      const n = nameOf(k);
      if (n === 'w:r') run(k as El);
      else if (n === 'w:bookmarkStart') bookmarks.push(attr(k as El, 'w:name') ?? '');
      else if (n === 'w:hyperlink' || n === 'w:ins' || n === 'w:smartTag') walk(k as El);
    }
  };
  walk(p);
  return { pieces: out, bookmarks, pageBreak };
}

/** Greedy line breaking at spaces (a word wider than the line takes a line of its own); each line's height. */
function lineHeights(ps: Piece[], width: number, props: Props): number[] {
  const factor = props.line / 240;
  const heights: number[] = [];
  let used = 0;
  let tallest = 0;
  let picture = 0;
  let any = false;
  const end = () => {
    // A picture's line: the picture and the line spacing's extra over a single line of the text (as LibreOffice lays it out).
    heights.push(picture ? Math.max(picture + textLine(tallest, factor) - textLine(tallest, 1), textLine(tallest, factor)) : textLine(tallest, factor));
    used = tallest = picture = 0;
    any = false;
  };
  for (const p of ps) {
    if (p.width === Infinity) {
      tallest = Math.max(tallest, p.size);
      end();
      continue;
    }
    if (!p.space && any && used + p.width > width) end();
    if (!p.space && p.width > width && p.text) {
      // A word wider than the line is broken where the line is full.
      for (const ch of p.text) {
        const w = textWidth(ch, p.size, p.bold ?? false) * 20;
        if (any && used + w > width) end();
        used += w;
        tallest = Math.max(tallest, p.size);
        any = true;
      }
      continue;
    }
    used += p.width;
    tallest = Math.max(tallest, p.size);
    if (p.height !== undefined) picture = Math.max(picture, p.height);
    any = true;
  }
  if (any || heights.length === 0) {
    tallest ||= props.size / 2;
    end();
  }
  return heights;
}

function paragraph(p: El, width: number, styles: Map<string, Props>): ParagraphBlock {
  const pPr = child(p, 'w:pPr');
  const style = attr(pPr && child(pPr, 'w:pStyle'), 'w:val') ?? 'Normal';
  const s = styles.get(style) ?? styles.get('Normal')!;
  const spacing = pPr && child(pPr, 'w:spacing');
  const props: Props = {
    ...s,
    before: Number(attr(spacing, 'w:before') ?? s.before),
    after: Number(attr(spacing, 'w:after') ?? s.after),
    line: Number(attr(spacing, 'w:line') ?? s.line),
    indent: Number(attr(pPr && child(pPr, 'w:ind'), 'w:left') ?? s.indent),
    keepNext: pPr && child(pPr, 'w:keepNext') ? true : s.keepNext,
    keepLines: pPr && child(pPr, 'w:keepLines') ? true : s.keepLines,
  };
  const read = pieces(p, props);
  return {
    kind: 'p',
    before: props.before,
    after: props.after,
    lines: lineHeights(read.pieces, width - props.indent, props),
    keepNext: props.keepNext,
    keepLines: props.keepLines,
    pageBreakBefore: Boolean(pPr && child(pPr, 'w:pageBreakBefore')),
    breakAfter: read.pageBreak,
    bookmarks: read.bookmarks,
  };
}

/** What a table's rows are measured with: its grid (stretched to its width), cell margins and border width. */
interface Geometry {
  grid: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  border: number;
}
interface MeasuredCell {
  span: number;
  /** The cell's content height and bookmarks when its text is `width` twips wide. */
  measure(width: number): { height: number; bookmarks: string[] };
}
interface MeasuredRow {
  header: boolean;
  cantSplit: boolean;
  cells: MeasuredCell[];
}

/** The columns are stretched or shrunk to the table's width, when it has one. */
const gridOf = (given: number[], tableWidth: number) => {
  const sum = given.reduce((a, b) => a + b, 0);
  return tableWidth > 0 && sum > 0 ? given.map((g) => (g * tableWidth) / sum) : given;
};

/** A table's rows: each as tall as its tallest cell (its paragraphs in the cell's width, less the cell margins). */
function tableRows(g: Geometry, measured: Iterable<MeasuredRow>): TableBlock {
  const rows: TableBlock['rows'] = [];
  for (const r of measured) {
    let col = 0;
    let height = 0;
    const bookmarks: string[] = [];
    for (const cell of r.cells) {
      const width = g.grid.slice(col, col + cell.span).reduce((a, b) => a + b, 0) - g.left - g.right;
      col += cell.span;
      const m = cell.measure(width);
      bookmarks.push(...m.bookmarks);
      height = Math.max(height, m.height);
    }
    // Each row's top border (and the last row's bottom one) adds its width.
    rows.push({ height: height + g.top + g.bottom + g.border, header: r.header, cantSplit: r.cantSplit, bookmarks });
  }
  if (rows.length) rows[rows.length - 1]!.height += g.border;
  return { kind: 'table', rows };
}

/** A docx table object (w:tbl), measured. */
function table(t: El, width: number, styles: Map<string, Props>): TableBlock {
  const tblPr = child(t, 'w:tblPr');
  const mar = tblPr && child(tblPr, 'w:tblCellMar');
  const m = (side: string, fallback: number) => Number(attr(mar && child(mar, `w:${side}`), 'w:w') ?? fallback);
  // Border widths are eighths of a point (docx writes single 4 by default).
  const borders = tblPr && child(tblPr, 'w:tblBorders');
  const border = Number(attr(borders && child(borders, 'w:insideH'), 'w:sz') ?? 4) * 2.5;
  const given = kids(child(t, 'w:tblGrid') ?? { g: [] }).map((g) => Number(attr(g as El, 'w:w') ?? 0));
  const tblW = tblPr && child(tblPr, 'w:tblW');
  const w = attr(tblW, 'w:w') ?? '';
  const tableWidth = attr(tblW, 'w:type') === 'pct' ? (w.endsWith('%') ? parseFloat(w) / 100 : Number(w) / 5000) * width : attr(tblW, 'w:type') === 'dxa' ? Number(w) : 0;
  const geometry: Geometry = { grid: gridOf(given, tableWidth), top: m('top', 0), bottom: m('bottom', 0), left: m('left', 108), right: m('right', 108), border };
  const rows = (kids(t).filter((k) => nameOf(k) === 'w:tr') as El[]).map((tr): MeasuredRow => {
    const trPr = child(tr, 'w:trPr');
    return {
      header: Boolean(trPr && child(trPr, 'w:tblHeader')),
      cantSplit: Boolean(trPr && child(trPr, 'w:cantSplit')),
      cells: (kids(tr).filter((k) => nameOf(k) === 'w:tc') as El[]).map((tc) => ({
        span: Number(attr(child(child(tc, 'w:tcPr') ?? { x: [] }, 'w:gridSpan'), 'w:val') ?? 1),
        measure: (cellWidth: number) => {
          let height = 0;
          const bookmarks: string[] = [];
          for (const p of kids(tc).filter((k) => nameOf(k) === 'w:p') as El[]) {
            const b = paragraph(p, cellWidth, styles);
            bookmarks.push(...b.bookmarks);
            height += b.before + b.lines.reduce((a, x) => a + x, 0) + b.after;
          }
          return { height, bookmarks };
        },
      })),
    };
  });
  return tableRows(geometry, rows);
}

/** A plain table (plainTable.ts), measured from its spec as the same table written by docx would be. */
function plainTable(t: PlainTable, styles: Map<string, Props>): TableBlock {
  const s = styles.get(t.style) ?? styles.get('Normal')!;
  const geometry: Geometry = { grid: gridOf(t.columnWidths, t.width), ...t.margins, border: BORDER_SIZE * 2.5 };
  const rows = t.rows.map((r): MeasuredRow => ({
    header: Boolean(r.header),
    cantSplit: Boolean(r.cantSplit),
    cells: r.cells.map((c) => ({
      span: Math.max(1, c.span ?? 1),
      measure: (cellWidth: number) => {
        const lines = lineHeights(textPieces(c.text, s.size / 2, c.bold ?? s.bold, []), cellWidth - s.indent, s);
        return { height: s.before + lines.reduce((a, x) => a + x, 0) + s.after, bookmarks: [] };
      },
    })),
  }));
  return tableRows(geometry, rows);
}

const CONTAINERS = new Set(['w:body', 'w:sdt', 'w:sdtContent']);

/**
 * The body's paragraphs and tables in order, measured for a text column `width` twips wide; a plain
 * table's placeholder is measured from the table `plainTables` gives for its id.
 */
export function wordBlocks(body: El, width: number, plainTables: (id: number) => PlainTable | undefined = () => undefined): Block[] {
  const styles = styleTable();
  const out: Block[] = [];
  const walk = (e: El) => {
    for (const k of kids(e)) {
      const n = nameOf(k);
      if (n === 'w:p') out.push(paragraph(k as El, width, styles));
      else if (n === 'w:tbl') out.push(table(k as El, width, styles));
      else if (n === PLACEHOLDER_TAG) {
        const id = Number(attr(k as El, 'id'));
        const t = plainTables(id);
        if (!t) throw new AppError('INTERNAL', `The Word file's table ${id} has no spec to measure.`);
        out.push(plainTable(t, styles));
      }
      else if (n && CONTAINERS.has(n)) walk(k as El);
    }
  };
  walk(body);
  return out;
}
