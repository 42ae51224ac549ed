/**
 * The bar layers shared by the compare and inequality charts: a bar per row filled by its
 * comparison (Fingertips colours, dark outline) AND labelled with the word, 95% CI whiskers,
 * benchmark/overall rules.
 */
import type { Comparison } from '../library/comparison';
import type { IndicatorMeta } from '../library/types';
import { legendWord, NOT_COMPARED } from './comparisonLegend';
import { provenanceWords } from './comparisonWords';
import { AXIS_NUMBER_FORMAT, ILLUSTRATIVE_NOTE, NOT_AVAILABLE, cleanText, formatCi, formatValueWithUnit } from './format';
import { ENGLAND_DASH, OUTLINE_COLOUR, type Layer } from './theme';
import type { ChartRow } from './types';

export interface BarDatum {
  role: 'bar';
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The comparison as the library holds it (the publisher's label, or computed and said so). */
  comparison: Comparison;
  /** The legend's word for it (its fill's key). */
  compared: string;
  /** Where it came from: "as published", "computed by JSNA Studio: …". */
  provenance: string;
  /** The area the chart is about: bold label and a heavier outline. */
  highlight: boolean;
  /** The word beside the bar: the comparison, or why there is no bar. */
  word: string;
  /** Where the word goes: just right of the bar or its CI. */
  wordX: number;
  valueLabel: string;
  ciLabel: string;
  /** The publisher's value note, or "". */
  note: string;
}

export interface RuleDatum {
  role: 'benchmark' | 'overall';
  value: number;
  text: string;
}

/**
 * A bar per row, filled by its comparison as the library holds it; a whisker only where the row has
 * a 95% CI (none is invented for modelled, aggregated or CI-less values).
 */
export function barData(rows: ChartRow[], comparisons: Comparison[], label: (r: ChartRow) => string, indicator: IndicatorMeta, highlight: (r: ChartRow) => boolean = () => false): BarDatum[] {
  return rows.map((r, i) => {
    const comparison = comparisons[i] ?? NOT_COMPARED;
    const word = legendWord(comparison);
    const note = r.valueNote === null ? '' : cleanText(r.valueNote);
    const right = Math.max(r.value ?? 0, r.upper95 ?? r.value ?? 0, 0);
    return {
      role: 'bar',
      label: label(r),
      value: r.value,
      lower: r.value === null ? null : r.lower95,
      upper: r.value === null ? null : r.upper95,
      comparison,
      compared: word,
      provenance: provenanceWords(comparison),
      highlight: highlight(r),
      // The label as it stands (the publisher's words), beside the colour.
      word: r.value === null ? (note === '' ? 'Value suppressed' : note) : cleanText(comparison.label) || word,
      wordX: r.value === null ? 0 : right,
      valueLabel: formatValueWithUnit(r.value, indicator),
      ciLabel: formatCi(r.lower95, r.upper95, indicator) ?? NOT_AVAILABLE,
      note,
    };
  });
}

/** x domain from 0 (or below, for negative values) to past the largest bar, CI or rule, with room for the words. */
export function valueDomain(bars: BarDatum[], rules: RuleDatum[]): [number, number] {
  const xs = [0, ...bars.flatMap((b) => [b.value, b.lower, b.upper]), ...rules.map((r) => r.value)].filter((x): x is number => x !== null && Number.isFinite(x));
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = hi - lo || 1;
  return [lo, hi + span * 0.28];
}

/** The layers shared by the compare and inequality charts. */
export function barLayers(opts: {
  categoryTitle: string | null;
  categories: string[];
  xTitle: string;
  domain: [number, number];
  /** The legend's words and colours (legendScale: only the outcomes drawn). */
  legend: { domain: string[]; range: string[] };
  legendTitle: string;
  ruleColour: Record<RuleDatum['role'], string>;
  /** Some bar has a value note: the tooltip shows it. */
  notes?: boolean;
  /** The label of the bar to highlight (the chosen area): bold label, heavier outline. */
  highlighted?: string | null;
}): Layer[] {
  const bold = opts.highlighted ? `datum.value === ${JSON.stringify(opts.highlighted)} ? 'bold' : 'normal'` : null;
  const axis = { labelLimit: 260, ...(bold ? { labelFontWeight: { expr: bold } } : {}) };
  const y = { field: 'label', type: 'nominal' as const, title: opts.categoryTitle, sort: opts.categories, scale: { domain: opts.categories }, axis };
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: opts.xTitle,
    scale: { domain: opts.domain, nice: true, zero: true },
    // Fewer, spaced ticks: long labels such as "150,000" must not run into each other.
    axis: { format: AXIS_NUMBER_FORMAT, tickCount: 6, labelOverlap: true, labelSeparation: 6 },
  });
  const bars = { filter: "datum.role === 'bar'" };
  const rules = { filter: "datum.role !== 'bar'" };
  return [
    {
      transform: [bars],
      mark: { type: 'bar', stroke: OUTLINE_COLOUR, height: { band: 0.7 } },
      encoding: {
        y,
        x: x('value'),
        fill: { field: 'compared', type: 'nominal', title: opts.legendTitle, scale: { domain: opts.legend.domain, range: opts.legend.range } },
        strokeWidth: { condition: { test: 'datum.highlight', value: 3 }, value: 1 },
        tooltip: [
          { field: 'label', title: 'Area' },
          { field: 'valueLabel', title: 'Value' },
          { field: 'ciLabel', title: '95% CI' },
          { field: 'compared', title: opts.legendTitle },
          { field: 'provenance', title: 'Comparison source' },
          ...(opts.notes ? [{ field: 'note', title: 'Value note' }] : []),
        ],
      },
    },
    {
      transform: [bars],
      mark: { type: 'rule', color: OUTLINE_COLOUR, strokeWidth: 1.5 },
      encoding: { y, x: x('lower'), x2: { field: 'upper' } },
    },
    {
      transform: [bars],
      mark: { type: 'tick', color: OUTLINE_COLOUR, thickness: 1.5, size: 10, orient: 'vertical' },
      encoding: { y, x: x('lower') },
    },
    {
      transform: [bars],
      mark: { type: 'tick', color: OUTLINE_COLOUR, thickness: 1.5, size: 10, orient: 'vertical' },
      encoding: { y, x: x('upper') },
    },
    // The benchmark/overall rules over the bars, under the words.
    {
      transform: [rules],
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        x: x('value'),
        color: { field: 'role', type: 'nominal', scale: { domain: ['benchmark', 'overall'], range: [opts.ruleColour.benchmark, opts.ruleColour.overall] }, legend: null },
        strokeDash: { field: 'role', type: 'nominal', scale: { domain: ['benchmark', 'overall'], range: [ENGLAND_DASH, []] }, legend: null },
      },
    },
    // Words beside the bars, each over a white halo so a rule crossing it cannot hide it.
    {
      transform: [bars],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round' },
      encoding: { y, x: x('wordX'), text: { field: 'word' } },
    },
    {
      transform: [bars],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6 },
      encoding: { y, x: x('wordX'), text: { field: 'word' } },
    },
    {
      transform: [rules],
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: -4, fontWeight: 'bold', stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round' },
      encoding: { x: x('value'), text: { field: 'text' }, yOffset: { field: 'offset', type: 'quantitative', scale: null } },
    },
    {
      transform: [rules],
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: -4, fontWeight: 'bold' },
      encoding: { x: x('value'), text: { field: 'text' }, yOffset: { field: 'offset', type: 'quantitative', scale: null } },
    },
  ];
}


/**
 * The reading notes under a bar chart's title, naming only what is drawn: `lead` (e.g. the category
 * type), the CI whiskers when some bar has them, the rules' lines, the illustrative-data warning.
 */
export function barNotes(bars: BarDatum[], ruleLines: string[], illustrative: boolean, lead?: string): string[] {
  const reading = [bars.some((b) => b.lower !== null && b.upper !== null) ? 'Lines across bars: 95% confidence intervals.' : '', ...ruleLines].filter((t) => t !== '');
  const notes = reading.length > 0 ? [reading.join(' ')] : [];
  if (lead !== undefined) notes.unshift(lead);
  if (illustrative) notes.push(ILLUSTRATIVE_NOTE);
  return notes;
}
