import { JSDOM } from 'jsdom';
import { Document, type FileChild, type IContext, type IXmlableObject, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packDocx } from '../../../../../electron/services/export/docx/pack';
import { type PlainTable, plainTableXml, PlainTables } from '../../../../../electron/services/export/docx/plainTable';
import { CELL_MARGINS, CONTENT_WIDTH_TWIPS } from '../../../../../electron/services/export/docx/styles';
import { type TableBlock, wordBlocks } from '../../../../../electron/services/export/docx/wordBlocks';

const HOSTILE = 'A & B <w:p/> "quoted" \'single\' ]]> \u0001bell\u000B';

const spec = (rows: PlainTable['rows'], columnWidths = [2000, 3000, 4978]): PlainTable => ({ style: 'TableText', width: CONTENT_WIDTH_TWIPS, columnWidths, margins: CELL_MARGINS, rows });

const SAMPLE = spec([
  { header: true, cantSplit: true, cells: [{ text: 'Period', bold: true, shading: 'F3F2F1' }, { text: 'Area', bold: true, shading: 'F3F2F1' }, { text: 'Value (per 100,000 population, directly age-standardised)', bold: true, shading: 'F3F2F1' }] },
  { cantSplit: true, cells: [{ text: '2021/22', bold: true }, { text: 'Leicester, a long area name that wraps onto a second line in its column' }, { text: '123.4' }] },
  { cells: [{ text: 'No values.', span: 3 }] },
]);

/** The same table as docx objects, as the export made it before it wrote its tables itself. */
function docxTable(t: PlainTable): Table {
  return new Table({
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: t.columnWidths,
    margins: t.margins,
    rows: t.rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.header,
          cantSplit: r.cantSplit,
          children: r.cells.map(
            (c) =>
              new TableCell({
                ...(c.span ? { columnSpan: c.span } : {}),
                ...(c.shading ? { shading: { fill: c.shading, type: 'clear', color: 'auto' } } : {}),
                children: [new Paragraph({ style: t.style, children: [new TextRun({ text: c.text, bold: c.bold ?? false })] })],
              }),
          ),
        }),
    ),
  });
}

/** The body docx hands the page-number hook, measured as the export measures it. */
async function measured(children: FileChild[], tables: PlainTables): Promise<{ blocks: ReturnType<typeof wordBlocks>; bytes: Buffer }> {
  let blocks: ReturnType<typeof wordBlocks> = [];
  const doc = new Document({
    pageNumbers: (body: IXmlableObject, _c: IContext) => {
      blocks = wordBlocks(body, CONTENT_WIDTH_TWIPS, (id) => tables.get(id));
      return { bookmarks: new Map(), pageCount: 1 };
    },
    sections: [{ children }],
  });
  const { bytes } = await packDocx(doc, tables, new Date('2026-01-02T03:04:05Z'));
  return { blocks, bytes };
}

const documentXml = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);

describe('tables written as Word XML by us (the charts’ data tables)', () => {
  it('writes well-formed XML with hostile text escaped and characters XML cannot hold dropped', () => {
    const xml = plainTableXml(spec([{ cells: [{ text: HOSTILE, bold: true }, { text: HOSTILE }, { text: '' }] }]));
    const doc = new new JSDOM('').window.DOMParser().parseFromString(`<root xmlns:w="urn:w">${xml}</root>`, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const texts = [...doc.getElementsByTagName('w:t')].map((t) => t.textContent);
    expect(texts).toEqual(['A & B <w:p/> "quoted" \'single\' ]]> bell', 'A & B <w:p/> "quoted" \'single\' ]]> bell', '']);
    expect(doc.getElementsByTagName('w:p')).toHaveLength(3); // the <w:p/> in the text stayed text
  });

  it('writes spans, shading, header and unsplittable rows, and each cell as wide as the grid columns it covers', () => {
    const xml = plainTableXml(SAMPLE);
    expect(xml).toContain('<w:tblW w:type="dxa" w:w="9978"/>');
    expect(xml).toContain('<w:gridCol w:w="2000"/><w:gridCol w:w="3000"/><w:gridCol w:w="4978"/>');
    expect(xml).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(xml).toContain('<w:tcW w:type="dxa" w:w="9978"/><w:gridSpan w:val="3"/>');
    expect(xml.match(/<w:shd w:fill="F3F2F1"/g)).toHaveLength(3);
    expect(xml.match(/<w:b\/>/g)).toHaveLength(4);
  });

  it('is measured for the page numbers exactly as the same table made with docx is', async () => {
    const viaDocx = await measured([docxTable(SAMPLE)], new PlainTables());
    const tables = new PlainTables();
    const ours = await measured([tables.add(SAMPLE)], tables);
    const rows = (b: ReturnType<typeof wordBlocks>) => (b.find((x) => x.kind === 'table') as TableBlock).rows;
    expect(rows(ours.blocks)).toEqual(rows(viaDocx.blocks));
    expect(rows(ours.blocks).map((r) => r.header)).toEqual([true, false, false]);
    // The long header and the long area name wrap: those rows are taller than the last.
    expect(rows(ours.blocks)[1]!.height).toBeGreaterThan(rows(ours.blocks)[2]!.height);
  });

  it('fills every placeholder in word/document.xml, in place, several tables in one file', async () => {
    const tables = new PlainTables();
    const children = [new Paragraph('before'), tables.add(SAMPLE), new Paragraph('between'), tables.add(spec([{ cells: [{ text: 'second table' }] }])), new Paragraph('after')];
    const xml = documentXml((await measured(children, tables)).bytes);
    expect(xml).not.toContain('jsna:');
    const order = ['before', 'Period', 'No values.', 'between', 'second table', 'after'].map((t) => xml.indexOf(`>${t}<`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });

  it('gives the same parts for the same document, and refuses a placeholder it has no table for', async () => {
    // docx stamps the time the file is made in docProps/core.xml; every other part is the same.
    const make = async () => {
      const tables = new PlainTables();
      const parts = unzipSync(new Uint8Array((await measured([tables.add(SAMPLE)], tables)).bytes));
      delete parts['docProps/core.xml'];
      return parts;
    };
    expect(await make()).toEqual(await make());
    const made = new PlainTables();
    const placeholder = made.add(SAMPLE);
    await expect(measured([placeholder], new PlainTables())).rejects.toThrow(/table 0 has no spec/);
    expect(() => new PlainTables().fill('<w:body><jsna:table id="0"/></w:body>')).toThrow(/table \(0\) that was not made/);
  });
});
