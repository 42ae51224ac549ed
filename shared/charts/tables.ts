/**
 * Parts shared by the kinds' accessible data tables: numbers formatted as in the chart, and the
 * series table the trend and compare charts both use.
 */
import type { Comparison } from '../library/comparison';
import { NOT_COMPARED } from './comparisonLegend';
import { provenanceWords } from './comparisonWords';
import { areasInOrder, englandComparator, englandRowFor, periodsInOrder, sortByPeriod } from './data';
import { ENGLAND_CODE } from './definition';
import { ILLUSTRATIVE_NOTE, NOT_AVAILABLE, cleanText, formatValue, listInWords, saysIllustrative, unitLabel, valueCell } from './format';
import type { ChartRow, SeriesChartData } from './types';

export interface ChartDataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

type WithIndicator = Pick<SeriesChartData, 'indicator'>;

export function numberCell(x: number | null, data: WithIndicator): string {
  return x === null ? NOT_AVAILABLE : formatValue(x, data.indicator);
}

export function valueHeader(data: WithIndicator): string {
  const unit = unitLabel(data.indicator);
  return unit === null ? 'Value' : `Value (${unit})`;
}

export function periodRange(periods: string[]): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return 'no periods';
  return first === last ? first : `${first} to ${last}`;
}

/**
 * A value's note (the publisher's "Value note": "Value is modelled or synthetic estimate",
 * "Aggregated from all known lower geography values", …) for the table's Value note column.
 * A row without a value already says its note in the value cell.
 */
export function noteCell(row: { value: number | null; valueNote: string | null } | null): string {
  return row === null || row.value === null || row.valueNote === null ? '' : cleanText(row.valueNote);
}

/** The Value note column, added only to tables with a note to show. */
export function withNotes(table: ChartDataTable, notes: string[]): ChartDataTable {
  if (!notes.some((n) => n !== '')) return table;
  return { ...table, columns: [...table.columns, 'Value note'], rows: table.rows.map((r, i) => [...r, notes[i] ?? '']) };
}

/** A comparison's two cells: the label as it stands (the publisher's words) and where it came from. */
export function comparisonCells(c: Comparison): [string, string] {
  return [cleanText(c.label), provenanceWords(c)];
}

/** The parts joined, then the illustrative note unless the caption already says so (an indicator named as illustrative). */
export function tableCaption(parts: string[], illustrative: boolean): string {
  const text = parts.filter((p) => p !== '').join(', ');
  return illustrative && !saysIllustrative(text) ? `${text}. ${ILLUSTRATIVE_NOTE}` : text;
}

/** One table row per area and period in `periods`: the selected areas, then the non-England comparators. */
export function seriesTable(data: SeriesChartData, periods: ChartRow[]): ChartDataTable {
  const england = englandComparator(data);
  const eName = england?.name ?? 'England';
  const columns = ['Period', 'Area', valueHeader(data), 'Lower 95% CI', 'Upper 95% CI', eName, `Compared with ${eName}`, 'Comparison source'];
  const inPeriods = (r: ChartRow) => periods.some((p) => p.periodSortable === r.periodSortable && p.period === r.period);
  const primary = data.rows[0];
  const series: ChartRow[][] = [
    ...areasInOrder(data.rows).map((a) => data.rows.filter((r) => r.areaCode === a.code)),
    ...data.comparators
      .filter((c) => c !== england)
      .map((c) => c.rows.filter((r) => r.categoryType === '' && (primary === undefined || (r.sex === primary.sex && r.age === primary.age)))),
  ];
  const shown = series.flatMap((rs) => sortByPeriod(rs.filter(inPeriods)));
  const rows = shown.map((r) => {
      const e = englandRowFor(data, r);
      return [
        r.period,
        r.areaName,
        valueCell(r.value, r.valueNote, data.indicator),
        numberCell(r.value === null ? null : r.lower95, data),
        numberCell(r.value === null ? null : r.upper95, data),
        numberCell(e?.value ?? null, data),
        ...comparisonCells(r.areaCode === ENGLAND_CODE && r.categoryType === '' ? NOT_COMPARED : r.comparedEngland),
      ];
  });
  const areaNames = [...new Set(series.flatMap((rs) => rs.filter(inPeriods).map((r) => r.areaName)))];
  const table = {
    caption: tableCaption([cleanText(data.indicator.name), listInWords(areaNames), periodRange(periodsInOrder(periods))], data.indicator.illustrative),
    columns,
    rows,
  };
  return withNotes(table, shown.map(noteCell));
}
