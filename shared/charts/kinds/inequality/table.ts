import { cleanText, valueCell } from '../../format';
import { NOT_COMPARED } from '../../comparisonLegend';
import { comparisonCells, noteCell, numberCell, tableCaption, valueHeader, withNotes, type ChartDataTable } from '../../tables';
import type { SeriesChartData } from '../../types';
import { inequalityParts } from './parts';

/** One row per category of the latest period, compared with the area's overall value. */
export function inequalityTable(data: SeriesChartData): ChartDataTable {
  const { period, categories, overall, compared } = inequalityParts(data);
  const area = period?.areaName ?? '';
  const columns = ['Period', 'Area', 'Category', valueHeader(data), 'Lower 95% CI', 'Upper 95% CI', `${area} overall`, 'Compared with England', 'Comparison source'];
  const rows = categories.map((r, i) => [
    r.period,
    r.areaName,
    cleanText(r.category),
    valueCell(r.value, r.valueNote, data.indicator),
    numberCell(r.value === null ? null : r.lower95, data),
    numberCell(r.value === null ? null : r.upper95, data),
    numberCell(overall?.value ?? null, data),
    ...comparisonCells(compared[i] ?? NOT_COMPARED),
  ]);
  const type = cleanText(categories[0]?.categoryType ?? '');
  const table = {
    caption: tableCaption([cleanText(data.indicator.name), area, type, period?.period ?? 'no periods'], data.indicator.illustrative),
    columns,
    rows,
  };
  return withNotes(table, categories.map(noteCell));
}
