import { normaliseHeader } from './fingertipsColumns';
import { lineError } from './lineError';
import { DEFAULT_AGE, DEFAULT_SEX, periodSortable } from './parseFingertips';
import { optionalText, type ParsedRow, parseNumber, requiredText } from './parsedRow';

/**
 * The tidy CSV: analysts' own data (a school survey, a local audit) beside Fingertips data.
 * One row per indicator × area × breakdown × period; header names ignore case, spaces and
 * underscores ("Indicator ID" = "indicator_id"); other columns are ignored.
 *
 * | column          | required | meaning                                                                   |
 * |-----------------|----------|---------------------------------------------------------------------------|
 * | indicator_id    | yes      | the indicator's ID: any text up to 100 characters ("SCH-01", "93356")     |
 * | indicator_name  | yes      | the indicator's name                                                      |
 * | area_code       | yes      | ONS code, e.g. E06000016 (England E92000001 is the default comparator)    |
 * | area_name       | yes      | e.g. Leicester                                                            |
 * | period          | yes      | as it should be shown: 2019, 2019/20, 2017 - 19, 2020 Q1, Mar 2020        |
 * | value           | yes      | a number, or empty for a missing/suppressed value (say why in value_note) |
 * | sex             | no       | default "Persons"                                                         |
 * | age             | no       | default "All ages"                                                        |
 * | category_type   | no       | e.g. "Ethnic groups"; empty for none                                      |
 * | category        | no       | e.g. "Black British"; empty for none                                      |
 * | lower_ci        | no       | lower 95% confidence limit                                                |
 * | upper_ci        | no       | upper 95% confidence limit                                                |
 * | count           | no       | numerator: with denominator and no CI, the CI is computed                 |
 * | denominator     | no       |                                                                           |
 * | unit            | no       | e.g. "%", "per 100,000": sets the value type when no metadata does        |
 * | value_note      | no       | e.g. "Value suppressed for disclosure control"                            |
 * | area_type       | no       | e.g. "County & UA"                                                        |
 * | parent_code     | no       | the area's parent, e.g. its region E12000005                              |
 * | period_sortable | no       | YYYYQQMM from the period's start; worked out from period when absent      |
 */
export const TIDY_COLUMNS = {
  indicatorId: 'indicator_id',
  indicatorName: 'indicator_name',
  areaCode: 'area_code',
  areaName: 'area_name',
  period: 'period',
  value: 'value',
  sex: 'sex',
  age: 'age',
  categoryType: 'category_type',
  category: 'category',
  lowerCi: 'lower_ci',
  upperCi: 'upper_ci',
  count: 'count',
  denominator: 'denominator',
  unit: 'unit',
  valueNote: 'value_note',
  areaType: 'area_type',
  parentCode: 'parent_code',
  periodSortable: 'period_sortable',
} as const;

export type TidyColumn = keyof typeof TIDY_COLUMNS;
export const REQUIRED_TIDY_COLUMNS: readonly TidyColumn[] = ['indicatorId', 'indicatorName', 'areaCode', 'areaName', 'period', 'value'];

const ALIASES: Record<string, TidyColumn> = {};
for (const [key, name] of Object.entries(TIDY_COLUMNS) as [TidyColumn, string][]) ALIASES[normaliseHeader(name)] = key;
Object.assign(ALIASES, { lowerci95: 'lowerCi', upperci95: 'upperCi' } satisfies Record<string, TidyColumn>);

/** True when a header names the tidy format's period column. */
export function looksLikeTidy(header: string[]): boolean {
  const n = new Set(header.map(normaliseHeader));
  return n.has('period') && n.has('indicatorid');
}

export function mapTidyHeader(header: string[], file: string, line: number): Record<TidyColumn, number> {
  const index = Object.fromEntries(Object.keys(TIDY_COLUMNS).map((k) => [k, -1])) as Record<TidyColumn, number>;
  header.forEach((h, i) => {
    const col = ALIASES[normaliseHeader(h)];
    if (!col) return;
    if (index[col] >= 0) throw lineError(file, line, `the header has the column "${TIDY_COLUMNS[col]}" twice (columns ${index[col] + 1} and ${i + 1}).`);
    index[col] = i;
  });
  const missing = REQUIRED_TIDY_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length) {
    throw lineError(
      file,
      line,
      `not a tidy indicator file: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${TIDY_COLUMNS[c]}"`).join(', ')}.`,
    );
  }
  return index;
}

/** Turns the records of a tidy CSV into rows; `header` is the file's first record. */
export function tidyRowReader(header: string[], file: string, headerLine: number): (fields: string[], line: number) => ParsedRow {
  const c = mapTidyHeader(header, file, headerLine);
  const width = header.length;
  const minFields = Math.max(...REQUIRED_TIDY_COLUMNS.map((k) => c[k])) + 1;
  const name = (i: number) => header[i]!;
  const get = (fields: string[], i: number): string | undefined => (i >= 0 ? fields[i] : undefined);
  const num = (fields: string[], i: number, line: number) => (i >= 0 ? parseNumber(fields[i], name(i), file, line) : null);
  const sortableColumn = c.periodSortable >= 0 ? name(c.periodSortable) : null;

  return (f, line) => {
    if (f.length > width) {
      throw lineError(file, line, `the record has ${f.length} fields but the header has ${width}; is a comma missing its quotes?`);
    }
    if (f.length < minFields) {
      throw lineError(file, line, `the record has only ${f.length} of the header's ${width} fields; is the file cut short?`);
    }
    const indicatorId = requiredText(f[c.indicatorId], name(c.indicatorId), file, line);
    if (indicatorId.length > 100) throw lineError(file, line, `column "${name(c.indicatorId)}": the indicator ID is longer than 100 characters.`);
    const period = requiredText(f[c.period], name(c.period), file, line);
    return {
      line,
      indicatorId,
      indicatorName: requiredText(f[c.indicatorName], name(c.indicatorName), file, line),
      unit: optionalText(get(f, c.unit)),
      areaCode: requiredText(f[c.areaCode], name(c.areaCode), file, line),
      areaName: requiredText(f[c.areaName], name(c.areaName), file, line),
      areaType: optionalText(get(f, c.areaType)),
      parentCode: optionalText(get(f, c.parentCode)),
      sex: optionalText(get(f, c.sex)) ?? DEFAULT_SEX,
      age: optionalText(get(f, c.age)) ?? DEFAULT_AGE,
      categoryType: optionalText(get(f, c.categoryType)) ?? '',
      category: optionalText(get(f, c.category)) ?? '',
      period,
      periodSortable: periodSortable(get(f, c.periodSortable), period, sortableColumn, file, line),
      value: num(f, c.value, line),
      lower95: num(f, c.lowerCi, line),
      upper95: num(f, c.upperCi, line),
      lower998: null,
      upper998: null,
      count: num(f, c.count, line),
      denominator: num(f, c.denominator, line),
      valueNote: optionalText(get(f, c.valueNote)),
      comparedEngland: null,
      comparedParent: null,
      comparedGoal: null,
      recentTrend: null,
    };
  };
}
