import { api } from '../lib/api';

/** The library's newest vintage: a chart inserted (or re-pointed) now is reviewed as of it. Null if unknown. */
export function reviewedNow(): Promise<number | null> {
  return api['charts.newestVintage']({}).then(
    (r) => r.vintage,
    () => null,
  );
}
