/**
 * The words that go with every chart (WCAG 2.2 AA: a chart is never only a picture):
 * `summariseChart` — the text summary (also the SVG's aria-label), and
 * `chartDataTable` — the accessible data table, numbers formatted as in the chart.
 */
import type { Significance } from '../library/types';
import { compareWithBenchmark, describeSignificance } from '../stats';
import {
  areasInOrder,
  englandComparator,
  englandRowFor,
  latestRow,
  orderCategories,
  periodsInOrder,
  rowsInPeriod,
  sortByPeriod,
} from './data';
import {
  ILLUSTRATIVE_NOTE,
  NOT_AVAILABLE,
  cleanText,
  saysIllustrative,
  formatCi,
  formatValue,
  formatValueWithUnit,
  listInWords,
  measureNoun,
  unitLabel,
  valueCell,
} from './format';
import {
  ENGLAND_CODE,
  type BasketChartData,
  type ChartDataByKind,
  type ChartKind,
  type ChartRow,
  type SeriesChartData,
} from './types';

export interface ChartDataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

const SIGNIFICANCE_ORDER: Significance[] = ['Better', 'Similar', 'Worse', 'Higher', 'Lower', 'Not compared'];

/** The text summary of a chart, for export and screen readers. */
export function summariseChart<K extends ChartKind>(kind: K, data: ChartDataByKind[K]): string;
export function summariseChart(kind: ChartKind, data: ChartDataByKind[ChartKind]): string {
  switch (kind) {
    case 'trend':
      return summariseTrend(data as SeriesChartData);
    case 'compare':
      return summariseCompare(data as SeriesChartData);
    case 'inequality':
      return summariseInequality(data as SeriesChartData);
    case 'basket':
      return summariseBasket(data as BasketChartData);
  }
}

/** The accessible data table of a chart. */
export function chartDataTable<K extends ChartKind>(kind: K, data: ChartDataByKind[K]): ChartDataTable;
export function chartDataTable(kind: ChartKind, data: ChartDataByKind[ChartKind]): ChartDataTable {
  switch (kind) {
    case 'trend':
      return seriesTable(data as SeriesChartData, trendPeriods(data as SeriesChartData));
    case 'compare': {
      const latest = latestRow((data as SeriesChartData).rows);
      return seriesTable(data as SeriesChartData, latest === null ? [] : [latest]);
    }
    case 'inequality':
      return inequalityTable(data as SeriesChartData);
    case 'basket':
      return basketTable(data as BasketChartData);
  }
}

// ---------------------------------------------------------------------------------------------
// Sentences

function englandName(data: SeriesChartData): string {
  return englandComparator(data)?.name ?? 'England';
}

function withNote(sentences: string[], illustrative: boolean): string {
  if (illustrative) sentences.push(ILLUSTRATIVE_NOTE);
  return sentences.join(' ');
}

/** ", significantly better than England (96.6)" — or "" when there is nothing to compare with. */
function comparisonClause(data: SeriesChartData, row: ChartRow, withValue: boolean): string {
  if (row.areaCode === ENGLAND_CODE) return '';
  const england = englandRowFor(data, row);
  if (england === null || england.value === null) return '';
  const value = withValue ? ` (${formatValue(england.value, data.indicator)})` : '';
  return `, ${describeSignificance(row.significance, englandName(data))}${value}`;
}

/** "51.7 per 100,000 (95% CI 44.3 to 59.9)" */
function valueAndCi(data: SeriesChartData, row: ChartRow): string {
  const ci = formatCi(row.lower95, row.upper95, data.indicator);
  return formatValueWithUnit(row.value, data.indicator) + (ci === null ? '' : ` (${ci})`);
}

function noValue(row: ChartRow): string {
  const note = row.valueNote === null ? '' : cleanText(row.valueNote);
  return note === '' ? 'value suppressed' : note;
}

/** Sentences about one area's latest row: the value, CI, comparison with England and recent change. */
function areaSentences(data: SeriesChartData, areaRows: ChartRow[], lead: boolean): string[] {
  const sorted = sortByPeriod(areaRows);
  const latest = sorted[sorted.length - 1];
  if (latest === undefined) return [];
  const noun = measureNoun(data.indicator);
  const out: string[] = [];
  let reference: ChartRow | undefined = latest;
  if (latest.value === null) {
    out.push(`${lead ? `In ${latest.period}, no` : 'No'} value was published for ${latest.areaName} (${noValue(latest)}).`);
    reference = [...sorted].reverse().find((r) => r.value !== null);
    if (reference !== undefined) {
      out.push(`The most recent value, in ${reference.period}, was ${valueAndCi(data, reference)}${comparisonClause(data, reference, true)}.`);
    }
  } else {
    const start = lead ? `In ${latest.period}, the ${noun} in ${latest.areaName}` : `The ${noun} in ${latest.areaName}`;
    out.push(`${start} was ${valueAndCi(data, latest)}${comparisonClause(data, latest, lead)}.`);
  }
  if (reference !== undefined && reference.value !== null) {
    const earliest = sorted.find((r) => r.value !== null);
    if (earliest !== undefined && earliest.periodSortable < reference.periodSortable && earliest.value !== null) {
      const now = formatValue(reference.value, data.indicator);
      const then = formatValue(earliest.value, data.indicator);
      const a = Number(now.replace(/,/g, ''));
      const b = Number(then.replace(/,/g, ''));
      if (a > b) out.push(`This is up from ${then} in ${earliest.period}.`);
      else if (a < b) out.push(`This is down from ${then} in ${earliest.period}.`);
      else out.push(`This is the same as in ${earliest.period} (${then}).`);
    }
  }
  return out;
}

function noData(data: SeriesChartData): string {
  return withNote([`No data are available for ${cleanText(data.indicator.name)}.`], data.indicator.illustrative);
}

function summariseTrend(data: SeriesChartData): string {
  if (data.rows.length === 0) return noData(data);
  const sentences = areasInOrder(data.rows).flatMap((area, i) =>
    areaSentences(data, data.rows.filter((r) => r.areaCode === area.code), i === 0),
  );
  return withNote(sentences, data.indicator.illustrative);
}

function summariseCompare(data: SeriesChartData): string {
  const latest = latestRow(data.rows);
  if (latest === null) return noData(data);
  const sentences: string[] = [];
  const bars = compareBars(data, latest);
  bars.forEach((row, i) => sentences.push(...areaSentences(data, [row], i === 0)));
  return withNote(sentences, data.indicator.illustrative);
}

/** The rows drawn as bars on the compare chart: selected areas, then non-England comparators, in the latest period. */
export function compareBars(data: SeriesChartData, latest: ChartRow): ChartRow[] {
  const england = englandComparator(data);
  const selected = rowsInPeriod(data.rows, latest);
  const others = data.comparators
    .filter((c) => c !== england)
    .flatMap((c) => rowsInPeriod(c.rows, latest).filter((r) => r.categoryType === '' && r.sex === latest.sex && r.age === latest.age).slice(0, 1));
  const seen = new Set<string>();
  return [...selected, ...others].filter((r) => (seen.has(r.areaCode) ? false : (seen.add(r.areaCode), true)));
}

const ADJECTIVE: Record<Significance, string> = {
  Better: 'significantly better',
  Worse: 'significantly worse',
  Higher: 'significantly higher',
  Lower: 'significantly lower',
  Similar: 'statistically similar',
  'Not compared': 'not compared',
};

/** The inequality chart's parts: category rows of the latest period in category order, and the overall row. */
export function inequalityParts(data: SeriesChartData): {
  period: ChartRow | null;
  categories: ChartRow[];
  overall: ChartRow | null;
  /** Each category compared with the overall value (Fingertips' rule). */
  versusOverall: Significance[];
} {
  const categoryRows = data.rows.filter((r) => r.categoryType !== '');
  const period = latestRow(categoryRows.length > 0 ? categoryRows : data.rows);
  if (period === null) return { period: null, categories: [], overall: null, versusOverall: [] };
  const categories = orderCategories(rowsInPeriod(categoryRows, period));
  const overall = rowsInPeriod(data.rows, period).find((r) => r.categoryType === '') ?? null;
  const versusOverall = categories.map((r) => (overall === null ? 'Not compared' : compareWithBenchmark(r, overall.value, data.indicator.polarity)));
  return { period, categories, overall, versusOverall };
}

function summariseInequality(data: SeriesChartData): string {
  const { period, categories, overall, versusOverall } = inequalityParts(data);
  if (period === null) return noData(data);
  const noun = measureNoun(data.indicator);
  const area = period.areaName;
  const sentences: string[] = [];
  if (overall !== null && overall.value !== null) {
    sentences.push(`In ${period.period}, the ${noun} in ${area} was ${valueAndCi(data, overall)} overall.`);
  } else {
    sentences.push(`In ${period.period}, no overall value was published for ${area}.`);
  }
  const known = categories.filter((r) => r.value !== null);
  if (known.length > 0) {
    const low = known.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
    const high = known.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
    const type = cleanText(categories[0]?.categoryType ?? '');
    sentences.push(
      `Across ${categories.length} categories (${type}), it was lowest in ${cleanText(low.category)} (${formatValue(low.value, data.indicator)}) and highest in ${cleanText(high.category)} (${formatValue(high.value, data.indicator)}).`,
    );
  }
  const counts = countBy(versusOverall.filter((s) => s !== 'Not compared'));
  if (counts.length > 0) {
    const parts = counts.map(([sig, n], i) => `${n}${i === 0 ? (n === 1 ? ' category' : ' categories') : ''} ${n === 1 ? 'was' : 'were'} ${ADJECTIVE[sig]}`);
    sentences.push(`Compared with the overall value for ${area}, ${listInWords(parts)}.`);
  }
  if (known.length < categories.length) {
    sentences.push(`${categories.length - known.length} of ${categories.length} categories had no published value.`);
  }
  return withNote(sentences, data.indicator.illustrative);
}

function countBy(sigs: Significance[]): [Significance, number][] {
  return SIGNIFICANCE_ORDER.map((s): [Significance, number] => [s, sigs.filter((x) => x === s).length]).filter(([, n]) => n > 0);
}

function summariseBasket(data: BasketChartData): string {
  const n = data.items.length;
  if (n === 0) return `No indicators are in the basket for ${data.area.name}.`;
  const sentences: string[] = [];
  const parts = countBy(data.items.map((i) => i.significance)).map(
    ([sig, count]) => `${count} ${count === 1 ? 'is' : 'are'} ${describeSignificance(sig, 'England')}`,
  );
  if (n === 1) {
    const only = data.items[0]!;
    sentences.push(`For ${data.area.name}, ${cleanText(only.indicator.name)} is ${describeSignificance(only.significance, 'England')}.`);
  } else sentences.push(`Of ${n} indicators for ${data.area.name}, ${listInWords(parts)}.`);
  const worse = data.items.filter((i) => i.significance === 'Worse').map((i) => cleanText(i.indicator.name));
  if (worse.length > 0) sentences.push(`Significantly worse than England: ${worse.join('; ')}.`);
  const trendOrder = ['increasing', 'decreasing', 'no significant change', 'could not be calculated'] as const;
  const trends = trendOrder
    .map((t) => [t, data.items.filter((i) => i.trend === t).length] as const)
    .filter(([, c]) => c > 0)
    .map(([t, c]) => (t === 'no significant change' ? `${c} with no significant change` : t === 'could not be calculated' ? `${c} could not be calculated` : `${c} ${t}`));
  sentences.push(`Recent trends: ${listInWords(trends)}.`);
  return withNote(sentences, data.items.some((i) => i.indicator.illustrative));
}

// ---------------------------------------------------------------------------------------------
// Data tables

function numberCell(x: number | null, data: Pick<SeriesChartData, 'indicator'>): string {
  return x === null ? NOT_AVAILABLE : formatValue(x, data.indicator);
}

function valueHeader(data: Pick<SeriesChartData, 'indicator'>): string {
  const unit = unitLabel(data.indicator);
  return unit === null ? 'Value' : `Value (${unit})`;
}

function periodRange(periods: string[]): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return 'no periods';
  return first === last ? first : `${first} to ${last}`;
}

function caption(parts: string[], illustrative: boolean): string {
  const text = parts.filter((p) => p !== '').join(', ');
  return illustrative ? `${text}. ${ILLUSTRATIVE_NOTE}` : text;
}

/** The periods a trend chart draws: those of the selected rows (or, with none, of the comparators). */
export function trendPeriods(data: SeriesChartData): ChartRow[] {
  const source = data.rows.length > 0 ? data.rows : data.comparators.flatMap((c) => c.rows);
  const seen = new Set<string>();
  return sortByPeriod(source).filter((r) => {
    const key = `${r.periodSortable}\u0000${r.period}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function seriesTable(data: SeriesChartData, periods: ChartRow[]): ChartDataTable {
  const england = englandComparator(data);
  const eName = england?.name ?? 'England';
  const columns = ['Period', 'Area', valueHeader(data), 'Lower 95% CI', 'Upper 95% CI', eName, `Compared with ${eName}`];
  const inPeriods = (r: ChartRow) => periods.some((p) => p.periodSortable === r.periodSortable && p.period === r.period);
  const primary = data.rows[0];
  const series: ChartRow[][] = [
    ...areasInOrder(data.rows).map((a) => data.rows.filter((r) => r.areaCode === a.code)),
    ...data.comparators
      .filter((c) => c !== england)
      .map((c) => c.rows.filter((r) => r.categoryType === '' && (primary === undefined || (r.sex === primary.sex && r.age === primary.age)))),
  ];
  const rows = series.flatMap((rs) =>
    sortByPeriod(rs.filter(inPeriods)).map((r) => {
      const e = englandRowFor(data, r);
      return [
        r.period,
        r.areaName,
        valueCell(r.value, r.valueNote, data.indicator),
        numberCell(r.value === null ? null : r.lower95, data),
        numberCell(r.value === null ? null : r.upper95, data),
        numberCell(e?.value ?? null, data),
        r.areaCode === ENGLAND_CODE ? 'Not compared' : r.significance,
      ];
    }),
  );
  const areaNames = [...new Set(series.flatMap((rs) => rs.filter(inPeriods).map((r) => r.areaName)))];
  return {
    caption: caption([cleanText(data.indicator.name), listInWords(areaNames), periodRange(periodsInOrder(periods))], data.indicator.illustrative),
    columns,
    rows,
  };
}

function inequalityTable(data: SeriesChartData): ChartDataTable {
  const { period, categories, overall, versusOverall } = inequalityParts(data);
  const area = period?.areaName ?? '';
  const columns = ['Period', 'Area', 'Category', valueHeader(data), 'Lower 95% CI', 'Upper 95% CI', `${area} overall`, `Compared with ${area} overall`];
  const rows = categories.map((r, i) => [
    r.period,
    r.areaName,
    cleanText(r.category),
    valueCell(r.value, r.valueNote, data.indicator),
    numberCell(r.value === null ? null : r.lower95, data),
    numberCell(r.value === null ? null : r.upper95, data),
    numberCell(overall?.value ?? null, data),
    versusOverall[i] ?? 'Not compared',
  ]);
  const type = cleanText(categories[0]?.categoryType ?? '');
  return {
    caption: caption([cleanText(data.indicator.name), area, type, period?.period ?? 'no periods'], data.indicator.illustrative),
    columns,
    rows,
  };
}

function basketTable(data: BasketChartData): ChartDataTable {
  const grouped = data.items.some((i) => i.group);
  const columns = ['Indicator', ...(grouped ? ['Group'] : []), 'Period', 'Value', 'Lower 95% CI', 'Upper 95% CI', 'England', 'Compared with England', 'Recent trend'];
  const rows = basketOrder(data).map((item) => {
    const ind = item.indicator;
    const latest = item.latest;
    const unit = unitLabel(ind);
    const name = cleanText(ind.name) + (unit === null ? '' : ` (${unit})`) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
    return [
      name,
      ...(grouped ? [item.group ?? ''] : []),
      latest?.period ?? NOT_AVAILABLE,
      latest === null ? NOT_AVAILABLE : valueCell(latest.value, latest.valueNote, ind),
      latest === null || latest.value === null ? NOT_AVAILABLE : formatValueOrNa(latest.lower95, ind),
      latest === null || latest.value === null ? NOT_AVAILABLE : formatValueOrNa(latest.upper95, ind),
      formatValueOrNa(item.england?.value ?? null, ind),
      item.significance,
      item.trend,
    ];
  });
  return {
    caption: caption([`Basket of indicators for ${data.area.name}`, 'latest period for each indicator'], data.items.some((i) => i.indicator.illustrative)),
    columns,
    rows,
  };
}

function formatValueOrNa(x: number | null, indicator: Parameters<typeof formatValue>[1]): string {
  return x === null ? NOT_AVAILABLE : formatValue(x, indicator);
}

/** Basket items grouped: ungrouped first, then groups in order of first appearance; input order within a group. */
export function basketOrder(data: BasketChartData): BasketChartData['items'] {
  const groups: (string | undefined)[] = [];
  for (const item of data.items) if (!groups.includes(item.group)) groups.push(item.group);
  groups.sort((a, b) => (a === undefined ? -1 : b === undefined ? 1 : 0));
  return groups.flatMap((g) => data.items.filter((i) => i.group === g));
}

