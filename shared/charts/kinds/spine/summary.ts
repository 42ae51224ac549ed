/** The spine chart's words: its text summary and its reading notes. */
import type { ComparisonOutcome } from '../../../library/comparison';
import { trendWords } from '../../comparisonLegend';
import { describeComparison } from '../../comparisonWords';
import { ILLUSTRATIVE_NOTE, cleanText, formatValue, listInWords, valueCell } from '../../format';
import type { SpineChartData, SpineRow } from './types';

export const anyIllustrative = (data: SpineChartData) => data.rows.some((r) => r.indicator.illustrative);

const GROUPS: [string, ComparisonOutcome[]][] = [
  ['better than England', ['better']],
  ['similar to England', ['similar']],
  ['worse than England', ['worse']],
  ['higher than England', ['higher']],
  ['lower than England', ['lower']],
  ['placed by quintile', ['best', 'better-quintile', 'middle-quintile', 'worse-quintile', 'worst', 'lowest', 'low', 'middle', 'high', 'highest']],
  ['not compared', ['not-compared', 'unknown']],
];

export function spineSummary(data: SpineChartData): string {
  const n = data.rows.length;
  if (n === 0) return `No indicators are chosen for ${data.area.name}.`;
  const parts = GROUPS.map(([words, outcomes]) => [words, data.rows.filter((r) => outcomes.includes(r.comparison.outcome)).length] as const)
    .filter(([, count]) => count > 0)
    .map(([words, count]) => `${count} ${words}`);
  const sentences = [`Area profile of ${data.area.name}: ${n} indicator${n === 1 ? '' : 's'}, each against the range of areas of its type; ${listInWords(parts)}.`];
  for (const row of data.rows) sentences.push(rowSentence(row, data.area.name));
  if (anyIllustrative(data)) sentences.push(ILLUSTRATIVE_NOTE);
  return sentences.join(' ');
}

function rowSentence(row: SpineRow, areaName: string): string {
  const name = cleanText(row.indicator.name);
  if (row.period === null) return `${name}: no data for ${areaName}.`;
  const value = row.value === null ? valueCell(null, row.valueNote, row.indicator) : formatValue(row.value, row.indicator);
  const compared = describeComparison(row.comparison, 'England', row.valueNote);
  // The recent trend as the file states it (a computed one says so), where there is one.
  const trend = row.recentTrend && row.recentTrend.direction !== 'cannot-calculate' ? `; recent trend: ${trendWords(row.recentTrend).replace(/^\S+ /, '')}` : '';
  return `${name} (${row.period}): ${value}, ${compared}${trend}.`;
}

export function spineNotes(data: SpineChartData): string[] {
  const notes = [
    `${data.area.name}: latest period for each indicator. Bar: worst to best area of the type (lowest to highest where no judgement is made), dark band 25th to 75th percentile, line England, ◆ ${data.parentName ? cleanText(data.parentName) : 'region'}, ● ${data.area.name} coloured by its comparison with England.`,
  ];
  if (anyIllustrative(data)) notes.push(ILLUSTRATIVE_NOTE);
  return notes;
}
