/**
 * Fingertips' "Time period Sortable" (YYYYQQMM, from the start of the period) worked out from the
 * "Time period" text, for files that lack the sortable column.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

const YEAR = '([1-9]\\d{3})';
const FINANCIAL_YEAR = `${YEAR}/(\\d{2})`;

interface PeriodStart {
  year: number;
  quarter: number;
  month: number;
}

/** "Mar", "March", "Sept" → 3, 3, 9; anything else → null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w === 'sept') return 9;
  const index = MONTHS.findIndex((m) => w === m || w === m.slice(0, 3));
  return index === -1 ? null : index + 1;
}

/** True when "2019/20" really is two consecutive years. */
function consecutive(startYear: string, endTwoDigits: string): boolean {
  return (Number(startYear) + 1) % 100 === Number(endTwoDigits);
}

/** One period with no range: 2019, 2019/20, 2020 Q1, 2020/21 Q3, Mar 2020. */
function parseSingle(text: string): PeriodStart | null {
  let m = new RegExp(`^${YEAR}$`).exec(text);
  if (m?.[1]) return { year: Number(m[1]), quarter: 0, month: 0 };

  m = new RegExp(`^${FINANCIAL_YEAR}$`).exec(text);
  if (m?.[1] && m[2] && consecutive(m[1], m[2])) return { year: Number(m[1]), quarter: 0, month: 0 };

  m = new RegExp(`^${YEAR} ?Q([1-4])$`, 'i').exec(text);
  if (m?.[1] && m[2]) return { year: Number(m[1]), quarter: Number(m[2]), month: 0 };

  m = new RegExp(`^${FINANCIAL_YEAR} ?Q([1-4])$`, 'i').exec(text);
  if (m?.[1] && m[2] && m[3] && consecutive(m[1], m[2])) return { year: Number(m[1]), quarter: Number(m[3]), month: 0 };

  m = new RegExp(`^([A-Za-z]+) ${YEAR}$`).exec(text);
  if (m?.[1] && m[2]) {
    const month = monthNumber(m[1]);
    if (month !== null) return { year: Number(m[2]), quarter: 0, month };
  }
  return null;
}

/** The end of a range may be shortened: "19" in "2017 - 19", "18/19" in "2016/17 - 18/19". */
function isRangeEnd(text: string): boolean {
  if (/^\d{2}$/.test(text)) return true;
  const short = /^(\d{2})\/(\d{2})$/.exec(text);
  if (short?.[1] && short[2]) return consecutive(short[1], short[2]);
  return parseSingle(text) !== null;
}

/**
 * YYYYQQMM from the start of a Fingertips period, or null if the text is not recognised.
 *   "2019" → 20190000, "2019/20" → 20190000, "2017 - 19" → 20170000, "2016/17 - 18/19" → 20160000,
 *   "2020 Q1" → 20200100, "2020/21 Q3" → 20200300, "Mar 2020" → 20200003, "Jan 2019 - Dec 2019" → 20190001.
 */
export function sortableFromPeriod(period: string): number | null {
  const text = period.trim().replace(/\s+/g, ' ');
  const range = /^(.+?) ?[-–—] ?(.+)$/.exec(text);
  let start: PeriodStart | null;
  if (range?.[1] && range[2]) {
    start = isRangeEnd(range[2]) ? parseSingle(range[1]) : null;
  } else {
    start = parseSingle(text);
  }
  return start === null ? null : start.year * 10000 + start.quarter * 100 + start.month;
}
