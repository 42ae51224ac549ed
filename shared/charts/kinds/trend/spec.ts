/**
 * Trend over time: a line and points for each selected area with its 95% CI as a shaded band,
 * England as a dashed line, points filled by the comparison with England (legend in words).
 * x = the period text, in `periodSortable` order; y = the value, unit in the axis title.
 * Suppressed or missing values are null and leave gaps in the line and band — never zeros.
 */
import { areasInOrder, englandComparator } from '../../data';
import { ENGLAND_CODE } from '../../definition';
import { ILLUSTRATIVE_NOTE, AXIS_NUMBER_FORMAT, cleanText, formatCi, formatValueWithUnit, valueAxisTitle, NOT_AVAILABLE } from '../../format';
import { legendScale, legendWord, NOT_COMPARED } from '../../comparisonLegend';
import { provenanceWords } from '../../comparisonWords';
import { trendPeriods } from './periods';
import { summariseTrend } from './summary';
import {
  ENGLAND_COLOUR,
  ENGLAND_DASH,
  OUTLINE_COLOUR,
  SERIES_COLOURS,
  SERIES_DASHES,
  frame,
  type Layer,
  type LayeredSpec,
} from '../../theme';
import type { ChartOptions, ChartRow, SeriesChartData } from '../../types';

type Role = 'area' | 'england' | 'comparator';

interface Series {
  name: string;
  role: Role;
  rows: ChartRow[];
  colour: string;
  dash: number[];
}

/** Rough width of a period label in pixels at 12 px, for choosing the label angle. */
const CHAR_PX = 7;

/** Width of a legend laid out in `columns` columns, each as wide as its widest entry. */
function widest(entryWidths: number[], columns: number): number {
  let total = 0;
  for (let c = 0; c < columns; c += 1) total += Math.max(0, ...entryWidths.filter((_, i) => i % columns === c));
  return total;
}

/** True when the series has two adjacent periods that both pass `has` (so a line or band segment is drawn). */
function drawnBetweenPeriods<V extends { series: string }>(values: V[], name: string, has: (v: V) => boolean): boolean {
  const own = values.filter((v) => v.series === name);
  return own.some((v, i) => i > 0 && has(v) && has(own[i - 1]!));
}

export function trendSpec(data: SeriesChartData, options: ChartOptions): LayeredSpec {
  const width = options.width ?? 640;
  const periods = trendPeriods(data);
  const periodTexts = periods.map((p) => p.period);
  const primary = data.rows[0];
  const sameBreakdown = (r: ChartRow) => r.categoryType === '' && (primary === undefined || (r.sex === primary.sex && r.age === primary.age));

  const england = englandComparator(data);
  const series: Series[] = [];
  const names = new Set<string>();
  const uniqueName = (name: string, code: string) => {
    const n = names.has(name) ? `${name} (${code})` : name;
    names.add(n);
    return n;
  };
  const areas = areasInOrder(data.rows);
  areas.forEach((a, i) =>
    series.push({
      name: uniqueName(a.name, a.code),
      role: a.code === ENGLAND_CODE ? 'england' : 'area',
      rows: data.rows.filter((r) => r.areaCode === a.code),
      colour: a.code === ENGLAND_CODE ? ENGLAND_COLOUR : SERIES_COLOURS[i % SERIES_COLOURS.length] ?? ENGLAND_COLOUR,
      dash: a.code === ENGLAND_CODE ? ENGLAND_DASH : SERIES_DASHES[i % SERIES_DASHES.length] ?? [],
    }),
  );
  let next = areas.length;
  for (const c of data.comparators) {
    if (areas.some((a) => a.code === c.code)) continue;
    const isEngland = c === england;
    series.push({
      name: uniqueName(c.name, c.code),
      role: isEngland ? 'england' : 'comparator',
      rows: c.rows.filter(sameBreakdown),
      colour: isEngland ? ENGLAND_COLOUR : SERIES_COLOURS[next % SERIES_COLOURS.length] ?? ENGLAND_COLOUR,
      dash: isEngland ? ENGLAND_DASH : SERIES_DASHES[next % SERIES_DASHES.length] ?? [],
    });
    if (!isEngland) next += 1;
  }

  // One datum per series and period; a period with no row is a null datum, so the line breaks there.
  const values = series.flatMap((s) =>
    periods.map((p) => {
      const row = s.rows.find((r) => r.periodSortable === p.periodSortable && r.period === p.period);
      const value = row?.value ?? null;
      return {
        series: s.name,
        role: s.role,
        colour: s.colour,
        period: p.period,
        periodSortable: p.periodSortable,
        value,
        lower: value === null ? null : row?.lower95 ?? null,
        upper: value === null ? null : row?.upper95 ?? null,
        comparison: row?.comparedEngland ?? NOT_COMPARED,
        compared: legendWord(row?.comparedEngland ?? NOT_COMPARED),
        provenance: provenanceWords(row?.comparedEngland ?? NOT_COMPARED),
        valueLabel: formatValueWithUnit(value, data.indicator),
        ciLabel: row === undefined ? NOT_AVAILABLE : formatCi(row.lower95, row.upper95, data.indicator) ?? NOT_AVAILABLE,
        note: row?.valueNote ? cleanText(row.valueNote) : '',
      };
    }),
  );

  const yTitle = valueAxisTitle(data.indicator);
  const longest = Math.max(0, ...periodTexts.map((p) => p.length));
  const labelAngle = periodTexts.length * (longest * CHAR_PX + 12) > width - 120 ? -45 : 0;
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    // The order is the periods sorted by periodSortable (trendPeriods): never the text's alphabetic order.
    scale: { domain: periodTexts },
    sort: null,
    axis: { title: 'Time period', labelAngle, labelOverlap: true },
  };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: yTitle, axis: { format: AXIS_NUMBER_FORMAT }, scale: { zero: true } });
  // The key to the lines sits above the plot, the key to the points below it: side by side they
  // overflow 640 px. Columns so that a long list of areas wraps rather than runs off the edge.
  const entryWidths = series.map((s) => 44 + s.name.length * CHAR_PX);
  let columns = series.length;
  while (columns > 1 && widest(entryWidths, columns) > width - 40) columns -= 1;
  const seriesLegend = { title: null, orient: 'top' as const, columns, symbolType: 'stroke', symbolSize: 600, symbolStrokeWidth: 2.5, symbolOpacity: 1 };
  const colour = { field: 'series', type: 'nominal' as const, legend: seriesLegend, scale: { domain: series.map((s) => s.name), range: series.map((s) => s.colour) } };
  const areaRows = values.filter((v) => v.role === 'area');
  const legend = legendScale(areaRows.map((v) => v.comparison));
  const englandLabel = england?.name ?? 'England';

  const hasBand = areaRows.some((v) => v.lower !== null && v.upper !== null);
  const layer: Layer[] = [];
  if (hasBand) {
    layer.push({
      transform: [{ filter: "datum.role === 'area'" }],
      // fillOpacity, not opacity: vega-lite would carry `opacity` into the fill legend's symbols.
      mark: { type: 'area', fillOpacity: 0.18 },
      // The band's colour is the series colour given literally (scale: null): no second legend, no clash
      // with the points' fill scale.
      encoding: { x, y: y('lower'), y2: { field: 'upper' }, fill: { field: 'colour', type: 'nominal', scale: null } },
    });
  }
  layer.push({
    mark: { type: 'line', strokeWidth: 2.5 },
    encoding: {
      x,
      y: y('value'),
      color: colour,
      strokeDash: { field: 'series', type: 'nominal', legend: seriesLegend, scale: { domain: series.map((s) => s.name), range: series.map((s) => s.dash) } },
    },
  });
  layer.push({
    transform: [{ filter: "datum.role === 'area'" }],
    mark: { type: 'point', filled: true, size: 70, stroke: OUTLINE_COLOUR, strokeWidth: 1, opacity: 1 },
    encoding: {
      x,
      y: y('value'),
      fill: {
        field: 'compared',
        type: 'nominal',
        title: `Compared with ${englandLabel}`,
        legend: { symbolOpacity: 1, symbolType: 'circle' },
        scale: { domain: legend.domain, range: legend.range },
      },
      tooltip: [
        { field: 'series', title: 'Area' },
        { field: 'period', title: 'Period' },
        { field: 'valueLabel', title: 'Value' },
        { field: 'ciLabel', title: '95% CI' },
        { field: 'compared', title: `Compared with ${englandLabel}` },
        { field: 'provenance', title: 'Comparison source' },
        // The publisher's value notes ("Value is modelled or synthetic estimate", …), where there are any.
        ...(areaRows.some((v) => v.note !== '') ? [{ field: 'note', title: 'Value note' }] : []),
      ],
    },
  });

  // The reading notes say only what is drawn: a line or band needs two adjacent periods with values.
  const notes: string[] = [];
  const reading = [
    series.some((s) => s.role === 'area' && drawnBetweenPeriods(values, s.name, (v) => v.lower !== null && v.upper !== null)) ? 'Shaded band: 95% confidence interval.' : '',
    series.some((s) => s.role === 'england' && drawnBetweenPeriods(values, s.name, (v) => v.value !== null)) ? `Dashed black line: ${englandLabel}.` : '',
  ].filter((t) => t !== '');
  if (reading.length > 0) notes.push(reading.join(' '));
  if (data.indicator.illustrative) notes.push(ILLUSTRATIVE_NOTE);

  return frame({
    kind: 'trend',
    options,
    summary: summariseTrend(data),
    notes,
    width,
    height: options.height ?? 280,
    values,
    layer,
  });
}
