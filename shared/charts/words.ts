/**
 * Sentence parts shared by the kinds' text summaries (WCAG 2.2 AA: a chart is never only a picture;
 * the summary is also the image's accessible name).
 */
import type { Comparison } from '../library/comparison';
import { OUTCOME_ORDER } from './comparisonLegend';
import { describeComparison } from './comparisonWords';
import { englandComparator, englandRowFor, sortByPeriod } from './data';
import { ENGLAND_CODE } from './definition';
import { ILLUSTRATIVE_NOTE, cleanText, formatCi, formatValue, formatValueWithUnit, measureNoun } from './format';
import type { ChartRow, SeriesChartData } from './types';

export function englandName(data: SeriesChartData): string {
  return englandComparator(data)?.name ?? 'England';
}

export function withNote(sentences: string[], illustrative: boolean): string {
  if (illustrative) sentences.push(ILLUSTRATIVE_NOTE);
  return sentences.join(' ');
}

/**
 * ", significantly better than England (96.6)", ", modelled estimate: not compared with England" —
 * the row's comparison as the library holds it, in words; "" for England itself.
 */
function comparisonClause(data: SeriesChartData, row: ChartRow, withValue: boolean): string {
  if (row.areaCode === ENGLAND_CODE && row.categoryType === '') return '';
  const england = englandRowFor(data, row);
  const value = withValue && england?.value != null && row.comparedEngland.outcome !== 'not-compared' ? ` (${formatValue(england.value, data.indicator)})` : '';
  return `, ${describeComparison(row.comparedEngland, englandName(data), row.valueNote)}${value}`;
}

/** "51.7 per 100,000 (95% CI 44.3 to 59.9)" */
export function valueAndCi(data: SeriesChartData, row: ChartRow): string {
  const ci = formatCi(row.lower95, row.upper95, data.indicator);
  return formatValueWithUnit(row.value, data.indicator) + (ci === null ? '' : ` (${ci})`);
}

function noValue(row: ChartRow): string {
  const note = row.valueNote === null ? '' : cleanText(row.valueNote);
  return note === '' ? 'value suppressed' : note;
}

/** Sentences about one area's latest row: the value, CI, comparison with England and recent change. */
export function areaSentences(data: SeriesChartData, areaRows: ChartRow[], lead: boolean): string[] {
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

export function noData(data: SeriesChartData): string {
  return withNote([`No data are available for ${cleanText(data.indicator.name)}.`], data.indicator.illustrative);
}

/**
 * Comparisons counted by their words, in legend order:
 * [["significantly better than England", 2], ["not compared with England", 1]].
 */
export function countBy(comparisons: Comparison[], benchmarkName: string): [string, number][] {
  const sorted = [...comparisons].sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
  const counts = new Map<string, number>();
  for (const c of sorted) {
    const words = describeComparison({ ...c, source: 'file' }, benchmarkName);
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return [...counts];
}

/** " (2 computed by JSNA Studio where the source states none)" or "". */
export function computedNote(comparisons: Comparison[]): string {
  const n = comparisons.filter((c) => c.source === 'computed').length;
  return n === 0 ? '' : ` (${n === comparisons.length && n > 1 ? 'all' : n} computed by JSNA Studio where the source states none)`;
}
