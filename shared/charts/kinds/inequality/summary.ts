import { cleanText, formatValue, listInWords, measureNoun } from '../../format';
import type { SeriesChartData } from '../../types';
import { ADJECTIVE, countBy, noData, valueAndCi, withNote } from '../../words';
import { inequalityParts } from './parts';

/** The inequality chart's text summary: overall value, lowest and highest category, comparisons with overall. */
export function summariseInequality(data: SeriesChartData): string {
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
