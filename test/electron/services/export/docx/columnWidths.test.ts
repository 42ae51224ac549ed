import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../../../electron/services/charts/fontMetrics';
import { columnWidths } from '../../../../../electron/services/export/docx/figure';
import { CELL_MARGINS, CONTENT_WIDTH_TWIPS } from '../../../../../electron/services/export/docx/styles';

const inner = (w: number) => w - CELL_MARGINS.left - CELL_MARGINS.right;
const twips = (t: string, bold = false) => textWidth(t, 9, bold) * 20;

describe('Word data table column widths', () => {
  // A basket table as the sample's: ten columns, long indicator names, short numbers.
  const columns = ['Indicator', 'Period', 'Value', 'Lower 95% CI', 'Upper 95% CI', 'England', 'Compared with England', 'Comparison source', 'Recent trend', 'Trend source'];
  const rows = [
    ['School readiness: children achieving a good level of development at the end of Reception (%)', '2022/23', '68.2', '67.2', '69.1', '71.6', 'Worse', 'computed by JSNA Studio: 95% confidence interval', '↓ Decreasing and getting worse', 'as published'],
    ['Under-18s conception rate per 1,000 females aged 15 to 17', '2021', '14.1', '12.3', '16.2', '14.4', 'Similar', 'as published', '→ No significant change', 'as published'],
  ];

  it('fill the text width, and every column holds its longest word, so no number or word is broken', () => {
    const w = columnWidths(columns, rows);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONTENT_WIDTH_TWIPS);
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(CONTENT_WIDTH_TWIPS - columns.length);
    columns.forEach((c, i) => {
      const longest = Math.max(...c.split(' ').map((x) => twips(x, true)), ...rows.flatMap((r) => r[i]!.split(' ').map((x) => twips(x))));
      expect(inner(w[i]!), c).toBeGreaterThanOrEqual(longest);
    });
    // The long names get more of the room that is left than the numbers do.
    expect(w[0]!).toBeGreaterThan(1.5 * w[2]!);
  });

  it('shares the width in proportion when even the longest words do not fit', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Column${i}`);
    const w = columnWidths(many, [many.map(() => 'Supercalifragilistic')]);
    expect(new Set(w).size).toBeLessThanOrEqual(2);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONTENT_WIDTH_TWIPS);
  });
});
