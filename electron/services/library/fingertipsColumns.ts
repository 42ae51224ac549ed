import { lineError } from './lineError';

/**
 * Fingertips download columns, by the name the current Fingertips site writes. Header variants seen
 * in real downloads and in files saved from Excel or R all normalise to the same key: case, spaces,
 * underscores and punctuation are ignored, so `Indicator ID` = `IndicatorID` = `indicator_id`,
 * `Lower CI 95.0 limit` = `Lower_CI_95.0_limit`, `Value note` = `Value_note`, `Time period` = `Timeperiod`.
 * The parent comparison column is `Compared to <anything but England> value or percentiles`
 * (`… Region …`, `… CCGs (from Apr 2021) …`, `… County & UA …`).
 */
export const FINGERTIPS_COLUMNS = {
  indicatorId: 'Indicator ID',
  indicatorName: 'Indicator Name',
  parentCode: 'Parent Code',
  parentName: 'Parent Name',
  areaCode: 'Area Code',
  areaName: 'Area Name',
  areaType: 'Area Type',
  sex: 'Sex',
  age: 'Age',
  categoryType: 'Category Type',
  category: 'Category',
  timePeriod: 'Time period',
  value: 'Value',
  lower95: 'Lower CI 95.0 limit',
  upper95: 'Upper CI 95.0 limit',
  lower998: 'Lower CI 99.8 limit',
  upper998: 'Upper CI 99.8 limit',
  count: 'Count',
  denominator: 'Denominator',
  valueNote: 'Value note',
  recentTrend: 'Recent Trend',
  comparedEngland: 'Compared to England value or percentiles',
  comparedParent: 'Compared to <parent> value or percentiles',
  timePeriodSortable: 'Time period Sortable',
  newData: 'New data',
  comparedGoal: 'Compared to goal',
} as const;

export type FingertipsColumn = keyof typeof FINGERTIPS_COLUMNS;

export const REQUIRED_FINGERTIPS_COLUMNS: readonly FingertipsColumn[] = [
  'indicatorId',
  'indicatorName',
  'areaCode',
  'areaName',
  'timePeriod',
  'value',
];

/** "Lower_CI_95.0_limit" → "lowerci950limit". Also drops a BOM left on the first header. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ALIASES: Record<string, FingertipsColumn> = {};
for (const [key, name] of Object.entries(FINGERTIPS_COLUMNS) as [FingertipsColumn, string][]) {
  if (key !== 'comparedParent') ALIASES[normaliseHeader(name)] = key;
}
Object.assign(ALIASES, {
  lowerci95limit: 'lower95',
  upperci95limit: 'upper95',
  lowerci95: 'lower95',
  upperci95: 'upper95',
  lowerci998: 'lower998',
  upperci998: 'upper998',
  period: 'timePeriod',
  timeperiodsortable: 'timePeriodSortable',
  comparedtoengland: 'comparedEngland',
} satisfies Record<string, FingertipsColumn>);

const PARENT_COMPARISON = /^comparedto(.+)valueorpercentiles$/;

/** Column positions (-1 when absent) for one file's header. */
export type FingertipsColumnIndex = Record<FingertipsColumn, number>;

/** Which Fingertips column a header names, if any. */
export function fingertipsColumnFor(header: string): FingertipsColumn | null {
  const n = normaliseHeader(header);
  const known = ALIASES[n];
  if (known) return known;
  const m = PARENT_COMPARISON.exec(n);
  if (m && m[1] !== 'england') return 'comparedParent';
  return null;
}

/** True when a header looks like a Fingertips download rather than a tidy file. */
export function looksLikeFingertips(header: string[]): boolean {
  const n = new Set(header.map(normaliseHeader));
  return n.has('timeperiod') || n.has('timeperiodsortable') || n.has('lowerci950limit') || (n.has('indicatorname') && n.has('areatype'));
}

/** Maps a header row; refuses it (naming the missing required columns) when it is not a Fingertips download. */
export function mapFingertipsHeader(header: string[], file: string, line: number): FingertipsColumnIndex {
  const index = Object.fromEntries(Object.keys(FINGERTIPS_COLUMNS).map((k) => [k, -1])) as FingertipsColumnIndex;
  header.forEach((h, i) => {
    const col = fingertipsColumnFor(h);
    if (!col) return;
    if (index[col] >= 0) {
      // A second parent comparison column (rare) is ignored; any other repeat is ambiguous.
      if (col === 'comparedParent') return;
      throw lineError(file, line, `the header has the column "${FINGERTIPS_COLUMNS[col]}" twice (columns ${index[col] + 1} and ${i + 1}).`);
    }
    index[col] = i;
  });
  const missing = REQUIRED_FINGERTIPS_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length) {
    throw lineError(
      file,
      line,
      `not a Fingertips data file: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${FINGERTIPS_COLUMNS[c]}"`).join(', ')}.`,
    );
  }
  return index;
}
