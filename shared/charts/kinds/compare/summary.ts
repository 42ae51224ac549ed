import { latestRow } from '../../data';
import type { SeriesChartData } from '../../types';
import { areaSentences, noData, withNote } from '../../words';
import { compareBars } from './bars';

/** The compare chart's text summary: a sentence or two per bar, in the latest period. */
export function summariseCompare(data: SeriesChartData): string {
  const latest = latestRow(data.rows);
  if (latest === null) return noData(data);
  const sentences: string[] = [];
  compareBars(data, latest).forEach((row, i) => sentences.push(...areaSentences(data, [row], i === 0)));
  return withNote(sentences, data.indicator.illustrative);
}
