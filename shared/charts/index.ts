/**
 * Chart specs: one chart kind = one folder (./kinds/<kind>: spec, summary, table) plus one registry
 * line (./kinds/index.ts), used by the screen and by export alike through `figureOf` (./figure).
 *
 *   api.chartData(ref) → service queries SQLite → ChartData (./types)
 *     → buildChartSpec(kind, data, options)            (this module, pure: data in, vega-lite spec out)
 *     → screen: vega View (renderer 'svg', expr: vega-interpreter, no loader) in the chart node view
 *     → export: renderChartSvg (electron/services/charts/renderSvg.ts), headless, same interpreter
 *   and alongside every chart: summariseChart (the text summary, also the SVG's aria-label) and
 *   chartDataTable (the accessible data table), both in ./summary.
 *
 * Kinds (./kinds/trend, ./kinds/compare, ./kinds/basket, ./kinds/inequality):
 *   trend       line + points per area, 95% CI band, England dashed, x in periodSortable order
 *   compare     latest period, a bar per area (sorted by value, the chosen area bold) filled by its
 *               stored comparison AND labelled in words, CI
 *               whiskers, England benchmark line
 *   basket      the "basket of indicators" table: latest value, England, comparison word in a
 *               coloured cell, recent trend; grouped (population outcomes / operational measures)
 *   inequality  bars by category in category order (deciles by rank), CI whiskers, overall rule
 *
 * What every spec guarantees (tests hold these):
 *   - data embedded as `data: { values: [...] }` — never a URL (the renderers' loaders refuse URLs);
 *   - `description` = title + text summary (becomes the SVG's aria-label), and a `title`;
 *   - `config` with 12 px labels (≥ 11 px everywhere), dark text, `aria: false` inside the image
 *     (the image is one role="img" with the summary as its label, followed by a data table);
 *   - `usermeta: { embedOptions: { actions: false }, jsna: { kind, caption } }`;
 *   - comparisons as the library holds them (never recomputed here), in Fingertips colours by
 *     outcome AND in words, with their provenance in tables and tooltips; comparison-filled shapes have a dark
 *     outline (the light fills, e.g. Similar #FFC000, are under 3:1 on white);
 *   - suppressed values stay null (gaps, not zeros); periods ordered by periodSortable;
 *   - no expression needs eval: specs work with `ast: true` + vega-interpreter (CSP without unsafe-eval).
 */
import type { TopLevelSpec } from 'vega-lite';
import { basketSpec } from './kinds/basket/spec';
import { compareSpec } from './kinds/compare/spec';
import { inequalitySpec } from './kinds/inequality/spec';
import { trendSpec } from './kinds/trend/spec';
import { kindOf } from './summary';
import type { ChartDataByKind, ChartKind, ChartOptions } from './types';

export * from './types';
export { legendScale, legendWord, trendWords, trendColour } from './comparisonLegend';
export { chartRef, chartAttrsSchema, chartRefOf, defaultChartAttrs, basketIndicatorIds, type ChartRef, type ChartAttrs } from './definition';
export { figureOf, type Figure } from './figure';
export { chartKinds, type ChartKindModule } from './kinds';
export { chartDataTable, summariseChart, type ChartDataTable } from './summary';
export { deprivationRank, orderCategories, sortByPeriod, periodsInOrder } from './data';
export { formatNumber, formatValue, formatValueWithUnit, formatCi, valueAxisTitle, unitLabel } from './format';
export { basketSpec, compareSpec, inequalitySpec, trendSpec };

/** The vega-lite spec for a chart. Pure: the same data and options always give the same spec. */
export function buildChartSpec<K extends ChartKind>(kind: K, data: ChartDataByKind[K], options: ChartOptions): TopLevelSpec {
  return kindOf(kind).spec(data, options);
}
