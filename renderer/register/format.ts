const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "2026-03-31" → "31 Mar 2026" (a calendar day: no time zone shift). */
export function formatDay(isoDay: string | null): string {
  if (!isoDay) return '';
  const t = Date.parse(`${isoDay}T00:00:00Z`);
  return Number.isNaN(t) ? isoDay : DAY.format(t);
}

/** An instant in local time: "12 Mar 2026, 14:02". */
export function formatWhen(iso: string | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : WHEN.format(t);
}

export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
