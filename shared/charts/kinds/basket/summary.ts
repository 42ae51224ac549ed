import { trendWords } from '../../comparisonLegend';
import { describeComparison } from '../../comparisonWords';
import { cleanText, listInWords } from '../../format';
import type { BasketChartData } from '../../types';
import { computedNote, countBy, withNote } from '../../words';

/** The basket's text summary: how the indicators compare with England (as published), the worse ones, the recent trends. */
export function summariseBasket(data: BasketChartData): string {
  const n = data.items.length;
  if (n === 0) return `No indicators are in the basket for ${data.area.name}.`;
  const sentences: string[] = [];
  const comparisons = data.items.map((i) => i.comparison);
  if (n === 1) {
    const only = data.items[0]!;
    sentences.push(`For ${data.area.name}, ${cleanText(only.indicator.name)} is ${describeComparison(only.comparison, 'England', only.latest?.valueNote)}.`);
  } else {
    const parts = countBy(comparisons, 'England').map(([words, count]) => `${count} ${count === 1 ? 'is' : 'are'} ${words}`);
    sentences.push(`Of ${n} indicators for ${data.area.name}, ${listInWords(parts)}${computedNote(comparisons)}.`);
  }
  const worse = data.items.filter((i) => i.comparison.outcome === 'worse' || i.comparison.outcome === 'worst').map((i) => cleanText(i.indicator.name));
  if (worse.length > 0) sentences.push(`Worse than England: ${worse.join('; ')}.`);
  // Each indicator's recent trend as published (arrow and words), or that there is none.
  const trends = data.items.map((i) => `${cleanText(i.indicator.name)}: ${i.trend === null ? 'no recent trend stated' : trendWords(i.trend).replace(/^\S+ /, '')}`);
  sentences.push(`Recent trends: ${trends.join('; ')}.`);
  return withNote(sentences, data.items.some((i) => i.indicator.illustrative));
}
