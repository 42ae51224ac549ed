import { type FileChild, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { partnerTag } from '../../../../shared/editor/nodes/recommendation';
import { APPENDIX_TITLE, type AppendixData, groupName } from '../document/partnerAppendix';
import { CELL_MARGINS } from './styles';
import { wordText } from './text';

const cell = (text: string, bold = false) => new TableCell({ ...(bold ? { shading: { fill: 'F3F2F1', type: 'clear', color: 'auto' } } : {}), children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text: wordText(text), bold })] })] });

/** The appendix "Recommendations by partner" (from the same data as the HTML's): one Word table per partner, its header row repeated on each page. */
export function partnerAppendixBlocks(data: AppendixData): FileChild[] {
  if (!data.groups.length) return [];
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(APPENDIX_TITLE)] }),
    new Paragraph({
      children: [
        new TextRun(
          'Each recommendation is listed under every partner tagged as owning it, in the order it appears in this document. A recommendation owned by several partners appears under each of them.',
        ),
      ],
    }),
  ];
  for (const g of data.groups) {
    const name = groupName(g);
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(wordText(`${name} (${g.count})`))] }));
    const successor = g.code ? data.successors.get(g.code) : undefined;
    if (successor) out.push(new Paragraph({ children: [new TextRun(wordText(`${g.code}’s duties have passed to ${successor}.`))] }));
    const header = new TableRow({ tableHeader: true, cantSplit: true, children: [cell('Recommendation', true), cell('Partners', true), cell('Where', true)] });
    const rows = g.chapters.flatMap((chapter) =>
      chapter.rows.map((r) => new TableRow({ cantSplit: true, children: [cell(r.text), cell(partnerTag(r.partners)), cell([chapter.chapter, r.section].filter((s): s is string => Boolean(s && s.trim())).join(', '))] })),
    );
    out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [6000, 1600, 2300], margins: CELL_MARGINS, rows: [header, ...rows] }));
  }
  return out;
}
