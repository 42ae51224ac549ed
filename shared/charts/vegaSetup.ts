/**
 * The one vega setup, shared by the on-screen renderer (renderer/editor/renderVega.ts) and the
 * headless one (electron/services/charts/renderSvg.ts):
 *   - the parser runs with `ast: true` and expressions are evaluated by vega-interpreter (no eval,
 *     so a CSP without 'unsafe-eval' holds);
 *   - the loader refuses everything (load, sanitize, http, file): specs embed their data;
 *   - numbers and dates in en-GB;
 *   - fonts and sizes come from the chart config (./theme, FONT), the same in both.
 *
 * vega itself is passed in (the headless side imports it dynamically, the screen statically), so
 * this module holds no import of vega's code.
 */
import type { Loader, LocaleFormatters, ViewOptions } from 'vega';

/** Options for vega's `parse`: expressions as an AST for vega-interpreter, never compiled with eval. */
export const VEGA_PARSE_OPTIONS = { ast: true } as const;

/** en-GB number formatting (d3-format locale). */
export const EN_GB_NUMBER_LOCALE = { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] };

/** en-GB dates (d3-time-format locale). */
export const EN_GB_TIME_LOCALE = {
  dateTime: '%a %e %b %X %Y',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Raised when a spec tries to load anything. */
export class ChartLoadRefused extends Error {
  override name = 'ChartLoadRefused';
}

/** A loader that refuses every request and remembers what was asked for. */
export function refusingLoader(): { loader: Loader; attempts: string[] } {
  const attempts: string[] = [];
  const refuse = (what: string) => (uri: unknown) => {
    attempts.push(`${what} ${String(uri)}`);
    return Promise.reject(new ChartLoadRefused(`Chart specs may not load anything (${what} ${String(uri)}): embed the data as data.values.`));
  };
  // A link (an `href` encoding) is asked for through sanitize: answering "no link" rather than
  // rejecting keeps vega's renderer from throwing out of its own promise chain (uncaught); the
  // attempt is still recorded, and a renderer with any attempt fails the chart.
  const sanitize = (uri: unknown) => {
    attempts.push(`sanitize ${String(uri)}`);
    return Promise.resolve({ href: null });
  };
  const loader = { load: refuse('load'), sanitize, http: refuse('http'), file: refuse('file') } as unknown as Loader;
  return { loader, attempts };
}

/** What the setup needs of the vega module. */
export interface VegaLocaleMaker {
  locale(number: object, time: object): LocaleFormatters;
}

/**
 * The View options both renderers use: the interpreter, a refusing loader, en-GB. `attempts` lists
 * what the spec tried to load (a renderer fails when it is not empty).
 */
export function vegaViewOptions(vega: object, expressionInterpreter: unknown, extra: ViewOptions = {}): { options: ViewOptions; attempts: string[] } {
  const { loader, attempts } = refusingLoader();
  // vega exports locale() (vega-format) although its typings do not declare it.
  const locale = (vega as Partial<VegaLocaleMaker>).locale?.(EN_GB_NUMBER_LOCALE, EN_GB_TIME_LOCALE);
  return { options: { ...extra, expr: expressionInterpreter, loader, ...(locale ? { locale } : {}) }, attempts };
}
