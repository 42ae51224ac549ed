/**
 * The spine chart (Fingertips' "area profile"): one area, one row per indicator with its period,
 * count and value, its parent's (region's) and England's values, the comparison with England as a
 * word, and a bar from the worst to the best area of its type with the 25th–75th percentile band,
 * England's line at the centre, the parent as a diamond and the area as a circle in its comparison
 * colour. Laid out in pixels (scale: null) so that long names wrap inside their column.
 */
import { COMPARISON_COLOURS } from '../../../library/comparison';
import { provenanceWords } from '../../comparisonWords';
import { NOT_AVAILABLE, cleanText, formatNumber, formatValue, saysIllustrative, valueCell, wrapText } from '../../format';
import { AXIS_COLOUR, ENGLAND_COLOUR, OUTLINE_COLOUR, TEXT_COLOUR, frame, type Layer, type LayeredSpec } from '../../theme';
import type { ChartOptions } from '../../types';
import { spinePositions } from './scale';
import { asGiven, boxLayer, lineLayer, pixels, textLayer } from '../../pixelLayers';
import { spineNotes, spineSummary } from './summary';
import type { SpineChartData, SpineRow } from './types';

const LINE_HEIGHT = 15;
const ROW_PADDING = 7;
const CHAR_PX = 6.6;
const PADDING = 8;
const BAR_HEIGHT = 14;
/** The comparison word starts past its colour swatch. */
const SWATCH_INDENT = 13;
/** Outer parts of the bar (worst–25th, 75th–best) and the 25th–75th band: Fingertips' greys. */
export const SPINE_OUTER = '#C9C9C9';
export const SPINE_BAND = '#8B8B8B';

type Key = 'name' | 'period' | 'count' | 'value' | 'parent' | 'england' | 'compared' | 'spine';
const COLUMNS: { key: Key; title: string; share: number }[] = [
  { key: 'name', title: 'Indicator', share: 0.21 },
  { key: 'period', title: 'Period', share: 0.08 },
  { key: 'count', title: 'Count', share: 0.07 },
  { key: 'value', title: 'Value', share: 0.08 },
  { key: 'parent', title: 'Region', share: 0.08 },
  { key: 'england', title: 'England', share: 0.08 },
  { key: 'compared', title: 'Compared with England', share: 0.14 },
  { key: 'spine', title: '', share: 0.26 },
];

type Datum =
  | { part: 'cell'; x: number; y: number; lines: string[]; weight: 'bold' | 'normal'; align: 'left' | 'center' | 'right'; colour: string }
  | { part: 'box'; x: number; x2: number; y: number; y2: number; fill: string; stroke: string }
  | { part: 'line'; x: number; x2: number; y: number; y2: number; colour: string }
  | { part: 'area' | 'parent'; x: number; y: number; fill: string; label: string };

export function spineSpec(data: SpineChartData, options: ChartOptions): LayeredSpec {
  const inner = Math.max(560, (options.width ?? 800) - 2 * PADDING);
  let left = 0;
  const cols = COLUMNS.map((c) => {
    const width = Math.floor(inner * c.share);
    const col = { ...c, x: left, width, chars: Math.floor((width - 10) / CHAR_PX) };
    left += width;
    return col;
  });
  const col = (key: Key) => cols.find((c) => c.key === key)!;
  const spine = col('spine');
  const spineX = (p: number) => spine.x + 6 + p * (spine.width - 12);

  const values: Datum[] = [];
  let y = 0;
  const cells = (row: { key: Key; lines: string[]; align?: 'left' | 'right' | 'center'; indent?: number }[], weight: 'bold' | 'normal') => {
    const lines = Math.max(1, ...row.map((c) => c.lines.length));
    for (const cell of row) {
      const c = col(cell.key);
      const align = cell.align ?? 'left';
      const x = align === 'right' ? c.x + c.width - 6 : align === 'center' ? c.x + c.width / 2 : c.x + 4 + (cell.indent ?? 0);
      values.push({ part: 'cell', x, y: y + ROW_PADDING, lines: cell.lines, weight, align, colour: TEXT_COLOUR });
    }
    return lines * LINE_HEIGHT + 2 * ROW_PADDING;
  };

  const heading = cols
    .filter((c) => c.key !== 'spine')
    .map((c) => ({ key: c.key, lines: wrapText(c.title, c.chars), align: (c.key === 'name' || c.key === 'compared' ? 'left' : 'right') as 'left' | 'right' }));
  heading.push({ key: 'spine', lines: wrapText('Areas of the type: worst (or lowest) to best (or highest)', spine.chars), align: 'left' });
  y += cells(heading, 'bold');
  values.push({ part: 'line', x: 0, x2: inner, y, y2: y, colour: AXIS_COLOUR });
  const top = y;

  for (const row of data.rows) {
    const height = cells(rowCells(row, col), 'normal');
    drawSpine(values, row, y + height / 2, spineX, spine);
    const compared = col('compared');
    values.push({ part: 'box', x: compared.x + 3, x2: compared.x + 12, y: y + ROW_PADDING + 2, y2: y + ROW_PADDING + 12, fill: COMPARISON_COLOURS[row.comparison.outcome], stroke: OUTLINE_COLOUR });
    y += height;
    values.push({ part: 'line', x: 0, x2: inner, y, y2: y, colour: '#bdbdbd' });
  }
  if (data.rows.length === 0) {
    values.push({ part: 'cell', x: 4, y: y + ROW_PADDING, lines: [`No indicators are chosen for ${data.area.name}.`], weight: 'normal', align: 'left', colour: TEXT_COLOUR });
    y += LINE_HEIGHT + 2 * ROW_PADDING;
  } else {
    // England's line through every row's bar.
    values.push({ part: 'line', x: spineX(0.5), x2: spineX(0.5), y: top, y2: y, colour: ENGLAND_COLOUR });
  }

  const text = (weight: 'bold' | 'normal', align: 'left' | 'center' | 'right') => textLayer(weight, align, LINE_HEIGHT);
  const layer: Layer[] = [
    boxLayer(),
    lineLayer({ vertical: true }),
    {
      transform: [{ filter: "datum.part === 'parent'" }],
      mark: { type: 'point', shape: 'diamond', size: 90, filled: true, opacity: 1, stroke: OUTLINE_COLOUR, strokeWidth: 1 },
      encoding: { x: pixels('x'), y: pixels('y'), fill: asGiven('fill'), tooltip: { field: 'label' } },
    },
    {
      transform: [{ filter: "datum.part === 'area'" }],
      mark: { type: 'point', shape: 'circle', size: 120, filled: true, opacity: 1, stroke: OUTLINE_COLOUR, strokeWidth: 1.2 },
      encoding: { x: pixels('x'), y: pixels('y'), fill: asGiven('fill'), tooltip: { field: 'label' } },
    },
    text('bold', 'left'),
    text('bold', 'right'),
    text('normal', 'left'),
    text('normal', 'right'),
  ];
  return frame({
    kind: 'spine',
    options: { ...options, width: inner },
    summary: spineSummary(data),
    notes: spineNotes(data).flatMap((n) => wrapText(n, inner / CHAR_PX)),
    width: inner,
    height: Math.max(1, y),
    values: values as unknown as Record<string, unknown>[],
    layer,
    autosize: { type: 'pad' },
  });
}

function rowCells(row: SpineRow, col: (k: Key) => { chars: number }) {
  const ind = row.indicator;
  const name = cleanText(ind.name) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
  const value = row.period === null ? NOT_AVAILABLE : valueCell(row.value, row.valueNote, ind);
  const compared = cleanText(row.comparison.label) + (row.comparison.source === 'computed' ? ' (computed)' : '');
  return [
    { key: 'name' as const, lines: wrapText(name, col('name').chars) },
    { key: 'period' as const, lines: wrapText(row.period ?? NOT_AVAILABLE, col('period').chars), align: 'right' as const },
    { key: 'count' as const, lines: [row.count === null ? '–' : formatNumber(row.count, 0)], align: 'right' as const },
    { key: 'value' as const, lines: wrapText(value, col('value').chars), align: 'right' as const },
    { key: 'parent' as const, lines: [row.parent?.value == null ? '–' : formatValue(row.parent.value, ind)], align: 'right' as const },
    { key: 'england' as const, lines: [row.england === null ? '–' : formatValue(row.england, ind)], align: 'right' as const },
    // The word, indented past the colour swatch drawn beside it.
    { key: 'compared' as const, lines: wrapText(compared, col('compared').chars - 2), indent: SWATCH_INDENT },
  ];
}

function drawSpine(values: Datum[], row: SpineRow, mid: number, spineX: (p: number) => number, spine: { x: number; width: number }): void {
  const d = row.distribution;
  if (d === null) {
    values.push({ part: 'cell', x: spine.x + 8, y: mid - LINE_HEIGHT / 2, lines: [row.message ?? 'No values for areas of this type'], weight: 'normal', align: 'left', colour: TEXT_COLOUR });
    return;
  }
  const pos = spinePositions(d, row.england, row.indicator.polarity);
  const y = mid - BAR_HEIGHT / 2;
  const y2 = mid + BAR_HEIGHT / 2;
  values.push({ part: 'box', x: spineX(pos.left), x2: spineX(pos.bandLeft), y, y2, fill: SPINE_OUTER, stroke: SPINE_OUTER });
  values.push({ part: 'box', x: spineX(pos.bandLeft), x2: spineX(pos.bandRight), y, y2, fill: SPINE_BAND, stroke: SPINE_BAND });
  values.push({ part: 'box', x: spineX(pos.bandRight), x2: spineX(pos.right), y, y2, fill: SPINE_OUTER, stroke: SPINE_OUTER });
  const ind = row.indicator;
  const parentAt = pos.at(row.parent?.value ?? null);
  if (parentAt !== null && row.parent) {
    values.push({ part: 'parent', x: spineX(parentAt), y: mid, fill: '#ffffff', label: `${cleanText(row.parent.name)}: ${formatValue(row.parent.value, ind)}` });
  }
  const areaAt = pos.at(row.value);
  if (areaAt !== null) {
    values.push({ part: 'area', x: spineX(areaAt), y: mid, fill: COMPARISON_COLOURS[row.comparison.outcome], label: `${formatValue(row.value, ind)}: ${cleanText(row.comparison.label)} (${provenanceWords(row.comparison)})` });
  }
}
