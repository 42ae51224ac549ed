import { sortableFromPeriod } from '../../../shared/stats';
import { type FingertipsColumnIndex, mapFingertipsHeader, REQUIRED_FINGERTIPS_COLUMNS } from './fingertipsColumns';
import { lineError } from './lineError';
import { columnText, type ParsedRow, parseNumber, requiredColumnText } from './parsedRow';

export const DEFAULT_SEX = 'Persons';
export const DEFAULT_AGE = 'All ages';

/** Fingertips' YYYYQQMM: eight digits, so a file cut off inside this field is refused, not mis-sorted. */
const SORTABLE = /^\d{8}$/;

/** Reads the record's sortable period, or works it out from the period text. */
export function periodSortable(sortableText: string | undefined, period: string, sortableColumn: string | null, file: string, line: number): number {
  const t = sortableText?.trim();
  if (t) {
    if (!SORTABLE.test(t)) throw lineError(file, line, `column "${sortableColumn}": ${JSON.stringify(sortableText)} is not a sortable period (YYYYQQMM, e.g. 20150000).`);
    return Number(t);
  }
  const computed = sortableFromPeriod(period);
  if (computed === null) {
    throw lineError(
      file,
      line,
      `the period ${JSON.stringify(period)} is not one JSNA Studio can place in time (e.g. 2019, 2019/20, 2017 - 19, 2020 Q1, Mar 2020)${
        sortableColumn ? `, and column "${sortableColumn}" is empty` : '; add a period_sortable column (YYYYQQMM)'
      }.`,
    );
  }
  return computed;
}

/**
 * Turns the records of a Fingertips download into rows. `header` is the file's first record; the
 * returned function checks and converts each data record.
 */
export function fingertipsRowReader(header: string[], file: string, headerLine: number): (fields: string[], line: number) => ParsedRow {
  const c: FingertipsColumnIndex = mapFingertipsHeader(header, file, headerLine);
  const width = header.length;
  // A record may lack trailing optional fields (real downloads end one field short), but not the
  // required ones nor the sortable period: a record shorter than that was cut off.
  const minFields = Math.max(...REQUIRED_FINGERTIPS_COLUMNS.map((k) => c[k]), c.timePeriodSortable) + 1;
  const name = (i: number) => header[i]!;
  const sortableColumn = c.timePeriodSortable >= 0 ? name(c.timePeriodSortable) : null;
  const get = (fields: string[], i: number): string | undefined => (i >= 0 ? fields[i] : undefined);
  const num = (fields: string[], i: number, line: number) => (i >= 0 ? parseNumber(fields[i], name(i), file, line) : null);
  const required = (i: number) => requiredColumnText(name(i), file);
  // The sortable period repeats row after row (a period's areas): read once per run of it.
  let lastSortableText: string | undefined | null = null;
  let lastSortablePeriod = '';
  let lastSortable = 0;
  const sortable = (f: string[], period: string, line: number) => {
    const t = get(f, c.timePeriodSortable);
    if (t !== lastSortableText || period !== lastSortablePeriod) {
      lastSortable = periodSortable(t, period, sortableColumn, file, line);
      lastSortableText = t;
      lastSortablePeriod = period;
    }
    return lastSortable;
  };
  const text = {
    period: required(c.timePeriod),
    indicatorId: required(c.indicatorId),
    indicatorName: required(c.indicatorName),
    areaCode: required(c.areaCode),
    areaName: required(c.areaName),
    areaType: columnText(),
    parentCode: columnText(),
    sex: columnText(),
    age: columnText(),
    categoryType: columnText(),
    category: columnText(),
    valueNote: columnText(),
    comparedEngland: columnText(),
    comparedParent: columnText(),
    comparedGoal: columnText(),
    recentTrend: columnText(),
  };

  return (f, line) => {
    if (f.length > width) {
      throw lineError(file, line, `the record has ${f.length} fields but the header has ${width}; is a comma missing its quotes?`);
    }
    if (f.length < minFields) {
      throw lineError(file, line, `the record has only ${f.length} of the header's ${width} fields; is the file cut short?`);
    }
    const period = text.period(f[c.timePeriod], line);
    return {
      line,
      indicatorId: text.indicatorId(f[c.indicatorId], line),
      indicatorName: text.indicatorName(f[c.indicatorName], line),
      unit: null,
      areaCode: text.areaCode(f[c.areaCode], line),
      areaName: text.areaName(f[c.areaName], line),
      areaType: text.areaType(get(f, c.areaType)),
      parentCode: text.parentCode(get(f, c.parentCode)),
      sex: text.sex(get(f, c.sex)) ?? DEFAULT_SEX,
      age: text.age(get(f, c.age)) ?? DEFAULT_AGE,
      categoryType: text.categoryType(get(f, c.categoryType)) ?? '',
      category: text.category(get(f, c.category)) ?? '',
      period,
      periodSortable: sortable(f, period, line),
      value: num(f, c.value, line),
      lower95: num(f, c.lower95, line),
      upper95: num(f, c.upper95, line),
      lower998: num(f, c.lower998, line),
      upper998: num(f, c.upper998, line),
      count: num(f, c.count, line),
      denominator: num(f, c.denominator, line),
      valueNote: text.valueNote(get(f, c.valueNote)),
      comparedEngland: text.comparedEngland(get(f, c.comparedEngland)),
      comparedParent: text.comparedParent(get(f, c.comparedParent)),
      comparedGoal: text.comparedGoal(get(f, c.comparedGoal)),
      recentTrend: text.recentTrend(get(f, c.recentTrend)),
    };
  };
}
