/**
 * Inequality: one bar per category (e.g. deprivation decile) in the latest period, in the order of
 * the category ("Most deprived decile" … "Least deprived decile", by the decile read from the label
 * when every label has one, else input order), with 95% CI whiskers, the area's overall value as a
 * solid rule and England as a dashed rule (when the area is not England). Bars are filled by each
 * category's comparison with England as the library holds it (the publisher's label; aggregated
 * deciles "Not compared") and labelled with the word; whiskers only where the file gives a CI.
 */
import { barData, barLayers, barNotes, valueDomain, type RuleDatum } from '../../bars';
import { englandComparator, englandRowFor } from '../../data';
import { ENGLAND_CODE } from '../../definition';
import { cleanText, formatValue, valueAxisTitle } from '../../format';
import { legendScale } from '../../comparisonLegend';
import { ENGLAND_COLOUR, OVERALL_COLOUR, frame, type LayeredSpec } from '../../theme';
import type { ChartOptions, SeriesChartData } from '../../types';
import { inequalityParts } from './parts';
import { summariseInequality } from './summary';

export function inequalitySpec(data: SeriesChartData, options: ChartOptions): LayeredSpec {
  const { period, categories, overall, compared } = inequalityParts(data);
  const area = period?.areaName ?? '';
  const bars = barData(categories, compared, (r) => cleanText(r.category), data.indicator);
  const rules: (RuleDatum & { offset: number })[] = [];
  if (overall?.value !== null && overall?.value !== undefined) {
    rules.push({ role: 'overall', value: overall.value, text: `${area} overall: ${formatValue(overall.value, data.indicator)}`, offset: 0 });
  }
  const england = englandComparator(data);
  const englandRow = period === null || period.areaCode === ENGLAND_CODE ? null : englandRowFor(data, period);
  if (englandRow?.value !== null && englandRow?.value !== undefined) {
    rules.push({
      role: 'benchmark',
      value: englandRow.value,
      text: `${england?.name ?? 'England'}: ${formatValue(englandRow.value, data.indicator)}`,
      offset: rules.length > 0 ? -16 : 0,
    });
  }
  const layer = barLayers({
    notes: bars.some((b) => b.value !== null && b.note !== ''),
    // The category type goes in the subtitle: as a rotated axis title it is too long to read.
    categoryTitle: null,
    categories: bars.map((b) => b.label),
    xTitle: period === null ? valueAxisTitle(data.indicator) : `${valueAxisTitle(data.indicator)}, ${period.period}`,
    domain: valueDomain(bars, rules),
    legend: legendScale(compared),
    legendTitle: `Compared with ${england?.name ?? 'England'}`,
    ruleColour: { benchmark: ENGLAND_COLOUR, overall: OVERALL_COLOUR },
  });
  const lines = [
    rules.some((r) => r.role === 'overall') ? `Solid line: ${area} overall.` : '',
    rules.some((r) => r.role === 'benchmark') ? `Dashed line: ${england?.name ?? 'England'}.` : '',
  ];
  const lead = categories[0] === undefined ? undefined : `${cleanText(categories[0].categoryType)}, ${area}.`;
  const notes = barNotes(bars, lines, data.indicator.illustrative, lead);
  return frame({
    kind: 'inequality',
    options,
    summary: summariseInequality(data),
    notes,
    width: options.width ?? 640,
    height: options.height ?? Math.max(60, bars.length * 30),
    values: [...bars, ...rules] as unknown as Record<string, unknown>[],
    layer,
  });
}
