import { areasInOrder } from '../../data';
import type { SeriesChartData } from '../../types';
import { areaSentences, noData, withNote } from '../../words';

/** The trend chart's text summary: each area's latest value, its comparison and its change. */
export function summariseTrend(data: SeriesChartData): string {
  if (data.rows.length === 0) return noData(data);
  const sentences = areasInOrder(data.rows).flatMap((area, i) =>
    areaSentences(data, data.rows.filter((r) => r.areaCode === area.code), i === 0),
  );
  return withNote(sentences, data.indicator.illustrative);
}
