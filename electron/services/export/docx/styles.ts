import { AlignmentType, BorderStyle, Footer, Header, type INumberingOptions, type IStylesOptions, LevelFormat, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { wordText } from './text';

/**
 * The Word file's look: Arial (whose widths our page-number estimate and the charts both use),
 * en-GB on every run, Word's own Heading 1–3, Title, Caption and TOC styles (so the navigation
 * pane, the board's templates and Word's own "Update field" work), and the A4 page with the
 * running header (the title) and "Page X of Y" footer.
 */
export const FONT = 'Arial';
const TEXT = '0B0C0C';
const MUTED = '505A5F';

export const A4 = { width: 11906, height: 16838 }; // twips
export const MARGIN = { top: 1134, bottom: 1134, left: 964, right: 964, header: 567, footer: 567 }; // 20 mm, 17 mm
export const CONTENT_WIDTH_TWIPS = A4.width - MARGIN.left - MARGIN.right;
/** Room inside table cells (twips), so text does not touch the borders. */
export const CELL_MARGINS = { top: 40, bottom: 40, left: 85, right: 85 };
/** The text column's width in pixels at 96 dpi (images are sized in pixels). */
export const CONTENT_WIDTH_PX = Math.floor(((A4.width - MARGIN.left - MARGIN.right) / 1440) * 96);

const heading = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: TEXT },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 22, color: TEXT, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: FONT, size: 56, bold: true, color: TEXT }, paragraph: { spacing: { after: 240 } } },
    heading1: heading(36, 360),
    heading2: heading(28, 240),
    heading3: heading(24, 200),
    heading4: heading(22, 160),
    hyperlink: { run: { color: '1D70B8', underline: {} } },
  },
  paragraphStyles: [
    { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 22 }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true } },
    { id: 'ContentsHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 36 }, paragraph: { spacing: { after: 240 } } },
    { id: 'Source', name: 'Chart source', basedOn: 'Normal', next: 'Normal', run: { size: 20, color: MUTED }, paragraph: { spacing: { after: 240 } } },
    { id: 'Recommendation', name: 'Recommendation', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 284 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '1D70B8', space: 8 } } } },
    { id: 'NeedsOwner', name: 'Recommendation needing an owner', basedOn: 'Recommendation', next: 'Normal', paragraph: { border: { left: { style: BorderStyle.DASHED, size: 18, color: 'D4351C', space: 8 } } } },
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 567 } }, run: { italics: true } },
    { id: 'Code', name: 'Code', basedOn: 'Normal', next: 'Normal', run: { font: 'Courier New', size: 20 } },
    { id: 'TableText', name: 'Table text', basedOn: 'Normal', next: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
    { id: 'DocType', name: 'Document type', basedOn: 'Normal', next: 'Normal', run: { size: 28, color: MUTED }, paragraph: { spacing: { before: 2400, after: 240 } } },
  ],
};

const bulletLevels = [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.BULLET, text: ['•', '◦', '▪', '–'][level]!, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 283 } } } }));
const numberLevels = [0, 1, 2, 3].map((level) => ({ level, format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL][level]!, text: `%${level + 1}.`, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 397 } } } }));

export const NUMBERING: INumberingOptions = {
  config: [
    { reference: 'bullets', levels: bulletLevels },
    { reference: 'numbers', levels: numberLevels },
  ],
};

/** The running header (the document's title) and the "Page X of Y" footer, both small and grey. */
export function runningHeaderFooter(title: string): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const small = { size: 16, color: MUTED };
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: 'right', position: A4.width - MARGIN.left - MARGIN.right }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6', space: 4 } },
        children: [new TextRun({ ...small, text: wordText(title) }), new TextRun({ ...small, children: ['\tJoint Strategic Needs Assessment'] })],
      }),
    ],
  });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
  });
  const empty = () => new Header({ children: [new Paragraph({})] });
  return { headers: { default: header, first: empty() }, footers: { default: footer, first: new Footer({ children: [new Paragraph({})] }) } };
}
