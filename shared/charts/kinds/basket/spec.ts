/**
 * The "basket of indicators" overview (seed 004: population outcomes vs operational measures) as a
 * table-like chart: one row per indicator under its group, with the latest value and period, England,
 * the comparison with England as the library holds it (the publisher's label; a computed one says so)
 * as a word in a Fingertips-coloured cell, and the recent trend as published (arrow and words).
 * Laid out in pixels (scale: null) so that long names wrap inside their column; readable at 700 px.
 */
import { comparisonColour, textColourOnOutcome, trendColour, trendWords } from '../../comparisonLegend';
import { ILLUSTRATIVE_NOTE, saysIllustrative, NOT_AVAILABLE, SUPPRESSED, cleanText, formatValue, formatValueWithUnit, wrapText } from '../../format';
import { AXIS_COLOUR, OUTLINE_COLOUR, TEXT_COLOUR, frame, type Layer, type LayeredSpec } from '../../theme';
import type { BasketChartData, ChartOptions } from '../../types';
import { basketOrder } from './order';
import { boxLayer, lineLayer, textLayer } from '../../pixelLayers';
import { summariseBasket } from './summary';

const LINE_HEIGHT = 15;
const ROW_PADDING = 7;
/** Average width of a character at 12 px Arial, a little generous so wrapped text never overruns. */
const CHAR_PX = 6.6;
const PADDING = 8;

interface Column {
  key: 'name' | 'latest' | 'england' | 'significance' | 'trend';
  title: string;
  share: number;
}

const COLUMNS: Column[] = [
  { key: 'name', title: 'Indicator', share: 0.37 },
  { key: 'latest', title: 'Latest value (period)', share: 0.19 },
  { key: 'england', title: 'England', share: 0.12 },
  { key: 'significance', title: 'Compared with England', share: 0.15 },
  { key: 'trend', title: 'Recent trend', share: 0.17 },
];

type Datum =
  | { part: 'cell'; x: number; y: number; lines: string[]; weight: 'bold' | 'normal'; align: 'left' | 'center'; colour: string }
  | { part: 'box'; x: number; x2: number; y: number; y2: number; fill: string; stroke: string }
  | { part: 'line'; x: number; x2: number; y: number; colour: string };

export function basketSpec(data: BasketChartData, options: ChartOptions): LayeredSpec {
  const total = options.width ?? 700;
  const inner = Math.max(400, total - 2 * PADDING);
  let left = 0;
  const cols = COLUMNS.map((c) => {
    const width = Math.floor(inner * c.share);
    const col = { ...c, x: left, width, chars: Math.floor((width - 10) / CHAR_PX) };
    left += width;
    return col;
  });
  const col = (key: Column['key']) => cols.find((c) => c.key === key) ?? cols[0]!;

  const values: Datum[] = [];
  let y = 0;
  const textRow = (cells: { key: Column['key']; lines: string[]; colour?: string }[], weight: 'bold' | 'normal') => {
    const lines = Math.max(1, ...cells.map((c) => c.lines.length));
    const height = lines * LINE_HEIGHT + 2 * ROW_PADDING;
    for (const cell of cells) {
      const c = col(cell.key);
      values.push({ part: 'cell', x: c.x + 4, y: y + ROW_PADDING, lines: cell.lines, weight, align: 'left', colour: cell.colour ?? TEXT_COLOUR });
    }
    return height;
  };

  // Column headings.
  const headingHeight = textRow(cols.map((c) => ({ key: c.key, lines: wrapText(c.title, c.chars) })), 'bold');
  y += headingHeight;
  values.push({ part: 'line', x: 0, x2: inner, y, colour: AXIS_COLOUR });

  let group: string | undefined;
  let first = true;
  for (const item of basketOrder(data)) {
    if (item.group !== undefined && (first || item.group !== group)) {
      const height = LINE_HEIGHT + 2 * ROW_PADDING - 2;
      values.push({ part: 'box', x: 0, x2: inner, y, y2: y + height, fill: '#f0f0f0', stroke: '#f0f0f0' });
      values.push({ part: 'cell', x: 4, y: y + ROW_PADDING - 1, lines: [cleanText(item.group)], weight: 'bold', align: 'left', colour: TEXT_COLOUR });
      y += height;
    }
    group = item.group;
    first = false;

    const ind = item.indicator;
    const latest = item.latest;
    const name = cleanText(ind.name) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
    let latestLines: string[];
    if (latest === null) latestLines = [NOT_AVAILABLE];
    else {
      const note = latest.valueNote === null ? '' : cleanText(latest.valueNote);
      const shown = latest.value === null ? (note === '' ? SUPPRESSED : note) : formatValueWithUnit(latest.value, ind);
      latestLines = [...wrapText(shown, col('latest').chars), `(${latest.period})`];
    }
    const englandValue = item.england?.value ?? null;
    const cmp = item.comparison;
    const sigCol = col('significance');
    const sigLines = wrapText(cleanText(cmp.label) + (cmp.source === 'computed' ? ' (computed)' : ''), sigCol.chars);
    const height =
      textRow(
        [
          { key: 'name', lines: wrapText(name, col('name').chars) },
          { key: 'latest', lines: latestLines },
          { key: 'england', lines: [englandValue === null ? NOT_AVAILABLE : formatValue(englandValue, ind)] },
          // As Fingertips shows it: arrow and words, green getting better, red getting worse.
          { key: 'trend', lines: wrapText(trendWords(item.trend), col('trend').chars), colour: trendColour(item.trend) },
        ],
        'normal',
      );
    values.push({ part: 'box', x: sigCol.x + 3, x2: sigCol.x + sigCol.width - 3, y: y + 3, y2: y + height - 3, fill: comparisonColour(cmp), stroke: OUTLINE_COLOUR });
    values.push({
      part: 'cell',
      x: sigCol.x + sigCol.width / 2,
      y: y + (height - sigLines.length * LINE_HEIGHT) / 2,
      lines: sigLines,
      weight: 'bold',
      align: 'center',
      colour: textColourOnOutcome(cmp.outcome),
    });
    y += height;
    values.push({ part: 'line', x: 0, x2: inner, y, colour: '#bdbdbd' });
  }
  if (data.items.length === 0) {
    values.push({ part: 'cell', x: 4, y: y + ROW_PADDING, lines: [`No indicators are in the basket for ${data.area.name}.`], weight: 'normal', align: 'left', colour: TEXT_COLOUR });
    y += LINE_HEIGHT + 2 * ROW_PADDING;
  }

  const text = (weight: 'bold' | 'normal', align: 'left' | 'center') => textLayer(weight, align, LINE_HEIGHT);
  const layer: Layer[] = [boxLayer(), lineLayer(), text('bold', 'left'), text('normal', 'left'), text('bold', 'center')];

  const notes = data.items.some((i) => i.indicator.illustrative) ? [ILLUSTRATIVE_NOTE] : [];
  notes.unshift(`${data.area.name}: latest period for each indicator, compared with England.`);
  return frame({
    kind: 'basket',
    options: { ...options, width: inner },
    summary: summariseBasket(data),
    notes,
    width: inner,
    height: Math.max(1, y),
    values: values as unknown as Record<string, unknown>[],
    layer,
    autosize: { type: 'pad' },
  });
}
