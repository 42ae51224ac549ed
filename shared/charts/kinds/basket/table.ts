import { NOT_AVAILABLE, cleanText, formatValue, saysIllustrative, unitLabel, valueCell } from '../../format';
import { trendLabel, trendProvenance } from '../../comparisonLegend';
import { comparisonCells, noteCell, tableCaption, withNotes, type ChartDataTable } from '../../tables';
import type { BasketChartData } from '../../types';
import { basketOrder } from './order';

/** One row per indicator: its latest value for the area, England's, the comparison and the trend. */
export function basketTable(data: BasketChartData): ChartDataTable {
  const grouped = data.items.some((i) => i.group);
  const columns = ['Indicator', ...(grouped ? ['Group'] : []), 'Period', 'Value', 'Lower 95% CI', 'Upper 95% CI', 'England', 'Compared with England', 'Comparison source', 'Recent trend', 'Trend source'];
  const orNa = (x: number | null, ind: Parameters<typeof formatValue>[1]) => (x === null ? NOT_AVAILABLE : formatValue(x, ind));
  const items = basketOrder(data);
  const rows = items.map((item) => {
    const ind = item.indicator;
    const latest = item.latest;
    const unit = unitLabel(ind);
    const name = cleanText(ind.name) + (unit === null ? '' : ` (${unit})`) + (ind.illustrative && !saysIllustrative(ind.name) ? ' (illustrative data)' : '');
    return [
      name,
      ...(grouped ? [item.group ?? ''] : []),
      latest?.period ?? NOT_AVAILABLE,
      latest === null ? NOT_AVAILABLE : valueCell(latest.value, latest.valueNote, ind),
      latest === null || latest.value === null ? NOT_AVAILABLE : orNa(latest.lower95, ind),
      latest === null || latest.value === null ? NOT_AVAILABLE : orNa(latest.upper95, ind),
      orNa(item.england?.value ?? null, ind),
      ...comparisonCells(item.comparison),
      // The trend, then where it came from (said once, in its own column).
      trendLabel(item.trend),
      trendProvenance(item.trend),
    ];
  });
  const table = {
    caption: tableCaption([`Basket of indicators for ${data.area.name}`, 'latest period for each indicator'], data.items.some((i) => i.indicator.illustrative)),
    columns,
    rows,
  };
  return withNotes(table, items.map((i) => noteCell(i.latest)));
}
