import { FileChild, type IXmlableObject } from 'docx';
import { AppError } from '../../../../shared/api/errors';
import { wordText } from './text';

/**
 * A table of plain text (a chart's data table), written as Word XML by us instead of through docx's
 * Table objects. In a 300-chart file the data tables are about two thirds of word/document.xml, and
 * docx builds, walks and writes several objects for every cell: that was most of the time packing
 * the file. The markup is what docx writes for the same table (borders single 4, the cell margins,
 * a grid, each cell's width and shading, rows that do not split, a repeated header row), less the
 * run properties a non-bold cell does not need (the TableText style is not bold).
 *
 * The docx body holds a placeholder per table (`<jsna:table id="n"/>`, see PlainTables); the page
 * estimate measures the table from its spec (wordBlocks.ts), and the placeholders are replaced with
 * the tables' XML once docx has written the document (pack.ts).
 */
export interface PlainCell {
  text: string;
  bold?: boolean;
  /** Background colour, hex without '#'. */
  shading?: string;
  /** Grid columns the cell spans (1 if not given). */
  span?: number;
}
export interface PlainRow {
  /** Repeated at the top of every page the table continues on. */
  header?: boolean;
  cantSplit?: boolean;
  cells: PlainCell[];
}
export interface PlainTable {
  /** Paragraph style of every cell's text. */
  style: string;
  /** The table's width and its columns' (twips). */
  width: number;
  columnWidths: number[];
  margins: { top: number; bottom: number; left: number; right: number };
  rows: PlainRow[];
}

export const PLACEHOLDER_TAG = 'jsna:table';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Text as XML character data: only characters XML can hold (wordText), with &, < and > escaped. */
const xmlText = (text: string) => wordText(text).replace(/[&<>]/g, (c) => ESCAPES[c]!);

/** Every border's width, in eighths of a point (docx's default single line); wordBlocks.ts measures rows with it. */
export const BORDER_SIZE = 4;
const BORDER = `w:val="single" w:color="auto" w:sz="${BORDER_SIZE}"`;
const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')}</w:tblBorders>`;
const int = (n: number) => String(Math.round(n));

function cellXml(cell: PlainCell, width: number, style: string): string {
  const span = cell.span && cell.span > 1 ? `<w:gridSpan w:val="${int(cell.span)}"/>` : '';
  const shading = cell.shading ? `<w:shd w:fill="${cell.shading.replace(/[^0-9A-Fa-f]/g, '')}" w:color="auto" w:val="clear"/>` : '';
  const run = cell.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${int(width)}"/>${span}${shading}</w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r>${run}<w:t xml:space="preserve">${xmlText(cell.text)}</w:t></w:r></w:p></w:tc>`
  );
}

/** The table's Word XML (a `<w:tbl>` element). */
export function plainTableXml(t: PlainTable): string {
  const m = t.margins;
  const margins = `<w:tblCellMar><w:top w:type="dxa" w:w="${int(m.top)}"/><w:left w:type="dxa" w:w="${int(m.left)}"/><w:bottom w:type="dxa" w:w="${int(m.bottom)}"/><w:right w:type="dxa" w:w="${int(m.right)}"/></w:tblCellMar>`;
  const grid = `<w:tblGrid>${t.columnWidths.map((w) => `<w:gridCol w:w="${int(w)}"/>`).join('')}</w:tblGrid>`;
  const style = t.style.replace(/[^A-Za-z0-9]/g, '');
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${int(t.width)}"/>${BORDERS}${margins}</w:tblPr>${grid}`;
  for (const row of t.rows) {
    const props = (row.cantSplit ? '<w:cantSplit/>' : '') + (row.header ? '<w:tblHeader/>' : '');
    xml += `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}`;
    let col = 0;
    for (const cell of row.cells) {
      const span = Math.max(1, cell.span ?? 1);
      let width = 0;
      for (let k = col; k < col + span; k++) width += t.columnWidths[k] ?? 0;
      col += span;
      xml += cellXml(cell, width, style);
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

/** A table's place in the docx body: written as `<jsna:table id="n"/>`. */
class PlainTablePlaceholder extends FileChild {
  constructor(private readonly id: number) {
    super(PLACEHOLDER_TAG);
  }

  override prepForXml(): IXmlableObject {
    return { [PLACEHOLDER_TAG]: { _attr: { id: this.id } } } as IXmlableObject;
  }
}

const PLACEHOLDER = /<jsna:table id="(\d+)"\/>/g;

/** The plain tables of one Word file: each added as a placeholder, measured by its id, written in at the end. */
export class PlainTables {
  private readonly tables: PlainTable[] = [];

  /** The block to put in the docx body where the table goes. */
  add(table: PlainTable): FileChild {
    this.tables.push(table);
    return new PlainTablePlaceholder(this.tables.length - 1);
  }

  get(id: number): PlainTable | undefined {
    return this.tables[id];
  }

  /** word/document.xml with every placeholder replaced by its table. */
  fill(documentXml: string): string {
    const out = documentXml.replace(PLACEHOLDER, (_m, id: string) => {
      const table = this.tables[Number(id)];
      if (!table) throw new AppError('INTERNAL', `The Word file refers to a table (${id}) that was not made.`);
      return plainTableXml(table);
    });
    if (out.includes(`<${PLACEHOLDER_TAG}`)) throw new AppError('INTERNAL', 'A table placeholder was left in the Word file.');
    return out;
  }
}
