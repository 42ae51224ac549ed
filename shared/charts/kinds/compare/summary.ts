import { latestRow } from '../../data';
import type { SeriesChartData } from '../../types';
import { areaSentences, noData, withNote } from '../../words';
import { chosenArea, compareBars } from './bars';

/** The compare chart's text summary: the chosen area first, then a sentence or two per other bar (in the chart's order), in the latest period. */
export function summariseCompare(data: SeriesChartData): string {
  const latest = latestRow(data.rows);
  if (latest === null) return noData(data);
  const chosen = chosenArea(data);
  const bars = compareBars(data, latest);
  const ordered = [...bars.filter((r) => r.areaCode === chosen), ...bars.filter((r) => r.areaCode !== chosen)];
  const sentences: string[] = [];
  ordered.forEach((row, i) => sentences.push(...areaSentences(data, [row], i === 0)));
  return withNote(sentences, data.indicator.illustrative);
}
