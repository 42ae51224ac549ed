/**
 * Compare areas in the latest period: one horizontal bar per area, filled by its comparison with
 * England (Fingertips colours, dark outline so every bar is perceivable) AND labelled with the word,
 * 95% CI whiskers, and England's value as a dashed benchmark line. Legend in words.
 */
import { barData, barLayers, barNotes, valueDomain, type RuleDatum } from '../../bars';
import { englandComparator, englandRowFor, latestRow } from '../../data';
import { formatValue, valueAxisTitle } from '../../format';
import { ENGLAND_COLOUR, frame, significanceDomainFor, type LayeredSpec } from '../../theme';
import type { ChartOptions, SeriesChartData } from '../../types';
import { compareBars } from './bars';
import { summariseCompare } from './summary';

export function compareSpec(data: SeriesChartData, options: ChartOptions): LayeredSpec {
  const latest = latestRow(data.rows);
  const bars = latest === null ? [] : compareBars(data, latest);
  const england = englandComparator(data);
  const englandName = england?.name ?? 'England';
  const englandRow = latest === null ? null : englandRowFor(data, latest);
  const barValues = barData(bars, bars.map((r) => r.significance), (r) => r.areaName, data.indicator);
  const rules: (RuleDatum & { offset: number })[] =
    englandRow?.value === null || englandRow?.value === undefined
      ? []
      : [{ role: 'benchmark', value: englandRow.value, text: `${englandName}: ${formatValue(englandRow.value, data.indicator)}`, offset: 0 }];
  const sigDomain = significanceDomainFor(data.indicator.polarity, barValues.map((b) => b.significance));
  const layer = barLayers({
    notes: barValues.some((b) => b.value !== null && b.note !== ''),
    categoryTitle: null,
    categories: barValues.map((b) => b.label),
    xTitle: latest === null ? valueAxisTitle(data.indicator) : `${valueAxisTitle(data.indicator)}, ${latest.period}`,
    domain: valueDomain(barValues, rules),
    sigDomain,
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
