/**
 * Compare areas in the latest period: one horizontal bar per area, filled by its comparison with
 * England as the library holds it (the publisher's label; Fingertips colours, dark outline so every
 * bar is perceivable) AND labelled with the word, 95% CI whiskers where the row has a CI, sorted by
 * value with the chosen area in bold and outlined, and England's value as a dashed benchmark line.
 */
import { barData, barLayers, barNotes, valueDomain, type RuleDatum } from '../../bars';
import { englandComparator, englandRowFor, latestRow } from '../../data';
import { formatValue, valueAxisTitle } from '../../format';
import { legendScale } from '../../comparisonLegend';
import { ENGLAND_COLOUR, frame, type LayeredSpec } from '../../theme';
import type { ChartOptions, SeriesChartData } from '../../types';
import { chosenArea, compareBars } from './bars';
import { summariseCompare } from './summary';

export function compareSpec(data: SeriesChartData, options: ChartOptions): LayeredSpec {
  const latest = latestRow(data.rows);
  const bars = latest === null ? [] : compareBars(data, latest);
  const england = englandComparator(data);
  const englandName = england?.name ?? 'England';
  const englandRow = latest === null ? null : englandRowFor(data, latest);
  const chosen = chosenArea(data);
  const barValues = barData(bars, bars.map((r) => r.comparedEngland), (r) => r.areaName, data.indicator, (r) => r.areaCode === chosen);
  const rules: (RuleDatum & { offset: number })[] =
    englandRow?.value === null || englandRow?.value === undefined
      ? []
      : [{ role: 'benchmark', value: englandRow.value, text: `${englandName}: ${formatValue(englandRow.value, data.indicator)}`, offset: 0 }];
  const layer = barLayers({
    notes: barValues.some((b) => b.value !== null && b.note !== ''),
    categoryTitle: null,
    categories: barValues.map((b) => b.label),
    xTitle: latest === null ? valueAxisTitle(data.indicator) : `${valueAxisTitle(data.indicator)}, ${latest.period}`,
    domain: valueDomain(barValues, rules),
    legend: legendScale(barValues.map((b) => b.comparison)),
    highlighted: barValues.find((b) => b.highlight)?.label ?? null,
    legendTitle: `Compared with ${englandName}`,
    ruleColour: { benchmark: ENGLAND_COLOUR, overall: ENGLAND_COLOUR },
  });
  const notes = barNotes(barValues, rules.length > 0 ? [`Dashed line: ${englandName}.`] : [], data.indicator.illustrative);
  return frame({
    kind: 'compare',
    options,
    summary: summariseCompare(data),
    notes,
    width: options.width ?? 640,
    height: options.height ?? Math.max(60, barValues.length * 30),
    values: [...barValues, ...rules] as unknown as Record<string, unknown>[],
    layer,
  });
}
