import { describeSignificance } from '../../../stats';
import { cleanText, listInWords } from '../../format';
import type { BasketChartData } from '../../types';
import { countBy, withNote } from '../../words';

/** The basket's text summary: how many indicators compare how with England, the worse ones, the trends. */
export function summariseBasket(data: BasketChartData): string {
  const n = data.items.length;
  if (n === 0) return `No indicators are in the basket for ${data.area.name}.`;
  const sentences: string[] = [];
  const parts = countBy(data.items.map((i) => i.significance)).map(
    ([sig, count]) => `${count} ${count === 1 ? 'is' : 'are'} ${describeSignificance(sig, 'England')}`,
  );
  if (n === 1) {
    const only = data.items[0]!;
    sentences.push(`For ${data.area.name}, ${cleanText(only.indicator.name)} is ${describeSignificance(only.significance, 'England')}.`);
  } else sentences.push(`Of ${n} indicators for ${data.area.name}, ${listInWords(parts)}.`);
  const worse = data.items.filter((i) => i.significance === 'Worse').map((i) => cleanText(i.indicator.name));
  if (worse.length > 0) sentences.push(`Significantly worse than England: ${worse.join('; ')}.`);
  const trendOrder = ['increasing', 'decreasing', 'no significant change', 'could not be calculated'] as const;
  const trends = trendOrder
    .map((t) => [t, data.items.filter((i) => i.trend === t).length] as const)
    .filter(([, c]) => c > 0)
    .map(([t, c]) => (t === 'no significant change' ? `${c} with no significant change` : t === 'could not be calculated' ? `${c} could not be calculated` : `${c} ${t}`));
  sentences.push(`Recent trends: ${listInWords(trends)}.`);
  return withNote(sentences, data.items.some((i) => i.indicator.illustrative));
}
