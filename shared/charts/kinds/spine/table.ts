import { trendWords } from '../../comparisonLegend';
import { provenanceWords } from '../../comparisonWords';
import { ILLUSTRATIVE_NOTE, NOT_AVAILABLE, cleanText, formatNumber, formatValue, saysIllustrative, unitLabel, valueCell } from '../../format';
import type { ChartDataTable } from '../../tables';
import { anyIllustrative } from './summary';
import type { SpineChartData } from './types';

/** One row per indicator: the area's value, its parent's and England's, the spread of areas of its type, the comparison and where it came from, the trend. */
export function spineTable(data: SpineChartData): ChartDataTable {
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
    `Compared with ${data.parentName ? cleanText(data.parentName) : 'region'}`,
    'Recent trend',
  ];
  const rows = data.rows.map((r) => {
    const ind = r.indicator;
    const unit = unitLabel(ind);
    const name = cleanText(ind.name) + (unit === null ? '' : ` (${unit})`) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
    const d = r.distribution;
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
      d ? num(flip ? d.max : d.min) : NOT_AVAILABLE,
      d ? num(flip ? d.q75 : d.q25) : NOT_AVAILABLE,
      d ? num(flip ? d.q25 : d.q75) : NOT_AVAILABLE,
      d ? num(flip ? d.min : d.max) : NOT_AVAILABLE,
      cleanText(r.comparison.label),
      provenanceWords(r.comparison),
      // The parent comparison as the file states it (the diamond on the bar is the parent's value).
      r.comparedParent ? `${cleanText(r.comparedParent.label)} (${provenanceWords(r.comparedParent)})` : NOT_AVAILABLE,
      trendWords(r.recentTrend),
    ];
  });
  return { caption: [`Area profile of ${data.area.name}`, 'latest period for each indicator'].join(', ') + (anyIllustrative(data) ? `. ${ILLUSTRATIVE_NOTE}` : ''), columns, rows };
}
