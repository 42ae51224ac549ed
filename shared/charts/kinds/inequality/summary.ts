import { cleanText, formatValue, listInWords, measureNoun } from '../../format';
import type { SeriesChartData } from '../../types';
import { notComparedReason } from '../../comparisonWords';
import { computedNote, countBy, englandName, noData, valueAndCi, withNote } from '../../words';
import { inequalityParts } from './parts';

/** The inequality chart's text summary: overall value, lowest and highest category, comparisons with overall. */
export function summariseInequality(data: SeriesChartData): string {
  const { period, categories, overall, compared } = inequalityParts(data);
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
  // Every category's comparison in words, "not compared" included (with why: aggregated, modelled).
  const shown = categories.map((r, i) => (r.value === null ? null : compared[i]!)).filter((c): c is NonNullable<typeof c> => c !== null);
  const counts = countBy(shown, englandName(data));
  if (counts.length > 0) {
    const reasons = [...new Set(categories.filter((r, i) => r.value !== null && compared[i]?.outcome === 'not-compared').map((r) => notComparedReason(r.valueNote)).filter((x) => x !== null))];
    const parts = counts.map(([words, n], i) => `${n}${i === 0 ? (n === 1 ? ' category' : ' categories') : ''} ${n === 1 ? 'was' : 'were'} ${words}`);
    const why = reasons.length > 0 ? ` (${listInWords(reasons.map((r) => `${r}s`))})` : '';
    sentences.push(`${listInWords(parts)}${why}${computedNote(shown)}.`.replace(/^./, (c) => c.toUpperCase()));
  }
  if (known.length < categories.length) {
    sentences.push(`${categories.length - known.length} of ${categories.length} categories had no published value.`);
  }
  return withNote(sentences, data.indicator.illustrative);
}
