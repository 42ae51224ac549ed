import type { Node as PMNode } from '@tiptap/pm/model';
import { BorderStyle, type FileChild, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { partnersOf, partnerTag } from '../../../../shared/editor/nodes/recommendation';
import type { FigureResult } from '../figures';
import type { Plan } from '../document/chapterPlan';
import { chartBlocks, type WordImage } from './figure';
import { inlineRuns } from './inline';
import type { PlainTables } from './plainTable';
import { CELL_MARGINS } from './styles';
import { wordText } from './text';

/**
 * The chapters' Word serializer: one function per node type of the editor schema
 * (shared/editor/extensions.ts), as document/serializer.ts is for HTML. Headings are shifted under
 * the chapter title (Heading 1) as in the HTML; charts become numbered figures; recommendations
 * keep their partners.
 */
export interface WordContext {
  plan: Plan;
  figures: ReadonlyMap<PMNode, FigureResult>;
  images: ReadonlyMap<number, WordImage>;
  /** Where the charts' data tables are kept until the file is packed. */
  tables: PlainTables;
  /** A fresh numbering instance per ordered list, so each starts at 1. */
  nextListInstance(): number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** Word heading level (1–6) of an HTML heading level (chapter title h2 → Heading 1). */
export const wordHeading = (htmlLevel: number) => HEADINGS[Math.min(6, Math.max(1, htmlLevel - 1)) - 1]!;

function list(node: PMNode, ctx: WordContext, depth: number, ordered: boolean): FileChild[] {
  const instance = ordered ? ctx.nextListInstance() : 0;
  const out: FileChild[] = [];
  node.forEach((item) => {
    let first = true;
    item.forEach((child) => {
      if (child.type.name === 'bulletList' || child.type.name === 'orderedList') {
        out.push(...list(child, ctx, depth + 1, child.type.name === 'orderedList'));
        return;
      }
      if (first && child.isTextblock) {
        const numbering = ordered ? { numbering: { reference: 'numbers', level: Math.min(depth, 3), instance } } : { numbering: { reference: 'bullets', level: Math.min(depth, 3) } };
        out.push(new Paragraph({ ...numbering, children: inlineRuns(child) }));
      } else {
        out.push(...blocks(child, ctx, depth + 1));
      }
      first = false;
    });
  });
  return out;
}

function table(node: PMNode): FileChild[] {
  const rows: TableRow[] = [];
  node.forEach((row, _o, ri) => {
    const cells: TableCell[] = [];
    let allHeaders = true;
    row.forEach((cell) => {
      const header = cell.type.name === 'tableHeader';
      allHeaders &&= header;
      const paras: Paragraph[] = [];
      cell.forEach((p) => paras.push(new Paragraph({ style: 'TableText', children: p.isTextblock ? inlineRuns(p, header ? { bold: true } : {}) : [new TextRun(wordText(p.textContent))] })));
      const span = Number(cell.attrs.colspan) || 1;
      cells.push(new TableCell({ children: paras.length ? paras : [new Paragraph({})], ...(span > 1 ? { columnSpan: span } : {}) }));
    });
    if (cells.length) rows.push(new TableRow({ tableHeader: ri === 0 && allHeaders, children: cells }));
  });
  return rows.length ? [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, margins: CELL_MARGINS, rows }), new Paragraph({})] : [];
}

function recommendation(node: PMNode): FileChild[] {
  const partners = partnersOf(node.attrs);
  const runs = [];
  node.forEach((child) => runs.push(...(child.isTextblock ? inlineRuns(child) : [new TextRun(wordText(child.textContent))]), new TextRun(' ')));
  runs.push(new TextRun({ text: wordText(partnerTag(partners)), bold: true }));
  return [new Paragraph({ style: partners.length ? 'Recommendation' : 'NeedsOwner', children: runs })];
}

/** One node (and its children) as Word blocks. */
export function blocks(node: PMNode, ctx: WordContext, depth = 0): FileChild[] {
  switch (node.type.name) {
    case 'paragraph':
      return [new Paragraph({ children: inlineRuns(node) })];
    case 'heading': {
      const h = ctx.plan.headingIds.get(node) ?? { id: '', level: 3 };
      return [new Paragraph({ heading: wordHeading(h.level), children: inlineRuns(node) })];
    }
    case 'blockquote':
    {
      const out: FileChild[] = [];
      node.forEach((child) => out.push(...(child.type.name === 'paragraph' ? [new Paragraph({ style: 'Quote', children: inlineRuns(child) })] : blocks(child, ctx, depth))));
      return out;
    }
    case 'codeBlock':
      return node.textContent.split('\n').map((line) => new Paragraph({ style: 'Code', spacing: { after: 0 }, children: [new TextRun(wordText(line))] }));
    case 'horizontalRule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B1B4B6', space: 1 } } })];
    case 'bulletList':
      return list(node, ctx, depth, false);
    case 'orderedList':
      return list(node, ctx, depth, true);
    case 'table':
      return table(node);
    case 'chart':
      return chartBlocks(ctx.figures.get(node), ctx.images, ctx.tables);
    case 'recommendation':
      return recommendation(node);
    default:
      // A node the Word serializer does not know (none today): its text, so nothing is lost.
      return node.textContent ? [new Paragraph({ children: [new TextRun(wordText(node.textContent))] })] : [];
  }
}

export function childBlocks(node: PMNode, ctx: WordContext, depth = 0): FileChild[] {
  const out: FileChild[] = [];
  node.forEach((child) => out.push(...blocks(child, ctx, depth)));
  return out;
}
