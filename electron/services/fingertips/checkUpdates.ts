import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { openLibrary } from '../library/openLibrary';
import { readDataFile } from '../library/readDataFile';
import { inspectTextFile } from '../text/decodeText';
import type { FingertipsUpdateCheck } from '../../../shared/api/fingertips';
import type { FingertipsClient } from './client';
import { downloadAhead } from './downloadAhead';
import { type FetchedIndicator, fetchedIndicators } from './fetchedRequests';
import { parseRequestName } from './requestName';

/** Requests in flight at once: the answers overlap each other and the comparing, politely few. */
const ASK_AT_ONCE = 3;

export type UpdateCheck = FingertipsUpdateCheck;

const same = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/**
 * Asks Fingertips again, request by request (a few at once, compared in order), for every indicator in the library that came from it,
 * and says which have a newer period or changed values. Reads only: the library is not changed (the
 * answers are streamed to temporary files, compared with the library and deleted).
 */
export async function checkUpdates(client: FingertipsClient, libraryPath: string, opts: { signal?: AbortSignal | undefined; onProgress?: (p: { label: string; done: number; total: number }) => void } = {}): Promise<UpdateCheck[]> {
  const library = openLibrary(libraryPath, { readOnly: true });
  const dir = mkdtempSync(join(tmpdir(), 'jsna-fingertips-check-'));
  try {
    const db = library.db;
    const byRequest = new Map<string, FetchedIndicator[]>();
    for (const f of fetchedIndicators(db)) {
      if (!parseRequestName(f.fileName)) continue;
      byRequest.set(f.fileName, [...(byRequest.get(f.fileName) ?? []), f]);
    }
    const series = db.prepare('SELECT id FROM series WHERE indicator_id = ? AND sex = ? AND age = ? AND category_type = ? AND category = ?');
    const area = db.prepare('SELECT id FROM areas WHERE code = ?');
    const value = db.prepare(
      'SELECT value, lower95, upper95, count, denominator, value_note AS valueNote FROM indicator_values WHERE series_id = ? AND area_id = ? AND period_sortable = ? AND period = ?',
    );
    const out: UpdateCheck[] = [];
    const requests = [...byRequest];
    const answers = downloadAhead(
      requests,
      ASK_AT_ONCE,
      async ([source], i, signal) => {
        // Ask again exactly as before, so an unchanged answer is the very same file (same sha256).
        const path = join(dir, `check-${i + 1}.csv`);
        await client.downloadData(parseRequestName(source)!, path, { signal });
        return path;
      },
      opts.signal,
    );
    let done = 0;
    opts.onProgress?.({ label: 'Asking Fingertips', done, total: requests.length });
    for await (const path of answers) {
      const [source, indicators] = requests[done]!;
      const asked = parseRequestName(source)!;
      // Not `done++` in the call's arguments: `?.()` skips evaluating them when there is no onProgress.
      opts.onProgress?.({ label: `Comparing with your library: ${source.replace(/^Fingertips API: /, '')}`, done, total: requests.length });
      done++;
      const facts = await inspectTextFile(path, source);
      // Latest period in the answer, and the latest the library has among the answer's rows (what this
      // request gave before; the indicator's own latest may come from another area type).
      const stats = new Map(
        indicators.map((f) => [f.indicatorId, { latestSortable: -Infinity, latestPeriod: null as string | null, haveSortable: -Infinity, havePeriod: null as string | null, newValues: 0, changedValues: 0 }]),
      );
      // The very file of the request's newest vintage: nothing changed (no vintage: compare the values).
      if (indicators.some((f) => f.sha256 !== facts.sha256)) {
        await readDataFile(facts, 'fingertips', (rows) => {
          for (const r of rows) {
            const st = stats.get(r.indicatorId);
            if (!st) continue;
            if (r.periodSortable > st.latestSortable) {
              st.latestSortable = r.periodSortable;
              st.latestPeriod = r.period;
            }
            const s = series.get(r.indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number } | undefined;
            const a = s && (area.get(r.areaCode) as { id: number } | undefined);
            const v = a && (value.get(s.id, a.id, r.periodSortable, r.period) as { value: number | null; lower95: number | null; upper95: number | null; count: number | null; denominator: number | null; valueNote: string | null } | undefined);
            if (v && r.periodSortable > st.haveSortable) {
              st.haveSortable = r.periodSortable;
              st.havePeriod = r.period;
            }
            if (!v) st.newValues++;
            else if (!same(v.value, r.value) || !same(v.count, r.count) || !same(v.denominator, r.denominator) || (r.lower95 !== null && !same(v.lower95, r.lower95)) || (r.upper95 !== null && !same(v.upper95, r.upper95)) || (v.valueNote ?? null) !== (r.valueNote ?? null)) st.changedValues++;
          }
        }, () => {
          if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The check for updates was cancelled; your library is unchanged.');
        });
      }
      for (const f of indicators) {
        const st = stats.get(f.indicatorId)!;
        // Read the answer (it differs from the vintage): compare with what the library has of this request.
        const had = st.havePeriod !== null ? { sortable: st.haveSortable, period: st.havePeriod } : { sortable: f.latestSortable, period: f.latestPeriod };
        const newer = st.latestPeriod !== null && (had.sortable === null || st.latestSortable > had.sortable);
        out.push({
          indicatorId: f.indicatorId,
          indicatorName: f.name,
          status: newer ? 'newer-period' : st.newValues + st.changedValues > 0 ? 'changed-values' : 'unchanged',
          source,
          request: asked,
          libraryLatestPeriod: had.period,
          fingertipsLatestPeriod: st.latestPeriod ?? f.latestPeriod,
          newValues: st.newValues,
          changedValues: st.changedValues,
        });
      }
      rmSync(path, { force: true });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    library.close();
  }
}
