/** The spine chart's words: its text summary, reading notes and accessible data table. */
import { describeComparison, provenanceWords } from '../comparisonWords';
import { ILLUSTRATIVE_NOTE, NOT_AVAILABLE, cleanText, formatNumber, formatValue, listInWords, saysIllustrative, unitLabel, valueCell } from '../format';
import type { ComparisonOutcome } from '../../library/comparison';
import { spinePositions } from './scale';
import type { SpineChartData, SpineRow } from './types';

export interface SpineTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

const illustrative = (data: SpineChartData) => data.rows.some((r) => r.indicator.illustrative);

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
  if (illustrative(data)) sentences.push(ILLUSTRATIVE_NOTE);
  return sentences.join(' ');
}

function rowSentence(row: SpineRow, areaName: string): string {
  const name = cleanText(row.indicator.name);
  if (row.period === null) return `${name}: no data for ${areaName}.`;
  const value = row.value === null ? valueCell(null, row.valueNote, row.indicator) : formatValue(row.value, row.indicator);
  const compared = describeComparison(row.comparison, 'England', row.valueNote);
  return `${name} (${row.period}): ${value}, ${compared}.`;
}

export function spineNotes(data: SpineChartData): string[] {
  const notes = [
    `${data.area.name}: latest period for each indicator. Bar: worst to best area of the type (lowest to highest where no judgement is made), dark band 25th to 75th percentile, line England, ◆ ${data.parentName ? cleanText(data.parentName) : 'region'}, ● ${data.area.name} coloured by its comparison with England.`,
  ];
  if (illustrative(data)) notes.push(ILLUSTRATIVE_NOTE);
  return notes;
}

export function spineTable(data: SpineChartData): SpineTable {
  const columns = [
    'Indicator',
    'Period',
    'Count',
    'Value',
    data.parentName ? cleanText(data.parentName) : 'Region',
    'England',
    'Worst or lowest',
    '25th percentile',
    '75th percentile',
    'Best or highest',
    'Compared with England',
    'Comparison source',
    'Recent trend',
  ];
  const rows = data.rows.map((r) => {
    const ind = r.indicator;
    const unit = unitLabel(ind);
    const name = cleanText(ind.name) + (unit === null ? '' : ` (${unit})`) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
    const d = r.distribution;
    const ends = d ? spinePositions(d, r.england, ind.polarity) : null;
    // Worst/lowest and best/highest as values: flipped where lower is better.
    const flip = ind.polarity === 'low-is-good';
    const num = (x: number | null | undefined) => (x === null || x === undefined ? NOT_AVAILABLE : formatValue(x, ind));
    return [
      name,
      r.period ?? NOT_AVAILABLE,
      r.count === null ? NOT_AVAILABLE : formatNumber(r.count, 0),
      r.period === null ? NOT_AVAILABLE : valueCell(r.value, r.valueNote, ind),
      num(r.parent?.value),
      num(r.england),
      d && ends ? num(flip ? d.max : d.min) : NOT_AVAILABLE,
      d ? num(flip ? d.q75 : d.q25) : NOT_AVAILABLE,
      d ? num(flip ? d.q25 : d.q75) : NOT_AVAILABLE,
      d && ends ? num(flip ? d.min : d.max) : NOT_AVAILABLE,
      cleanText(r.comparison.label),
      provenanceWords(r.comparison),
      r.recentTrend ? cleanText(r.recentTrend.label) : NOT_AVAILABLE,
    ];
  });
  return { caption: [`Area profile of ${data.area.name}`, 'latest period for each indicator'].join(', ') + (illustrative(data) ? `. ${ILLUSTRATIVE_NOTE}` : ''), columns, rows };
}
