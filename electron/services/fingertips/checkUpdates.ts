import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { openLibrary } from '../library/openLibrary';
import { readDataFile } from '../library/readDataFile';
import { inspectTextFile } from '../text/decodeText';
import type { FingertipsUpdateCheck } from '../../../shared/api/fingertips';
import type { FingertipsClient } from './client';
import { downloadAhead } from './downloadAhead';
import { parseRequestName } from './requestName';

/** Requests in flight at once: the answers overlap each other and the comparing, politely few. */
const ASK_AT_ONCE = 3;

export type UpdateCheck = FingertipsUpdateCheck;

interface FromFingertips {
  indicatorId: string;
  name: string;
  fileName: string;
  sha256: string;
  latestPeriod: string | null;
  latestSortable: number | null;
}

/** Per indicator, its newest vintage fetched from the Fingertips API (by its name). */
function fetchedIndicators(db: Database.Database): FromFingertips[] {
  return db
    .prepare(
      `SELECT v.indicator_id AS indicatorId, i.name AS name, v.file_name AS fileName, v.sha256 AS sha256,
              i.latest_period AS latestPeriod, i.latest_period_sortable AS latestSortable
       FROM vintages v JOIN indicators i ON i.id = v.indicator_id
       WHERE v.id = (SELECT max(w.id) FROM vintages w WHERE w.indicator_id = v.indicator_id AND w.file_name LIKE 'Fingertips API: %')
       ORDER BY i.name COLLATE NOCASE, i.id`,
    )
    .all() as FromFingertips[];
}

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
    const byRequest = new Map<string, FromFingertips[]>();
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
      opts.onProgress?.({ label: `Comparing with your library: ${source.replace(/^Fingertips API: /, '')}`, done: done++, total: requests.length });
      const facts = await inspectTextFile(path, source);
      const stats = new Map(indicators.map((f) => [f.indicatorId, { latestSortable: -Infinity, latestPeriod: null as string | null, newValues: 0, changedValues: 0 }]));
      if (facts.sha256 !== indicators[0]!.sha256) {
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
            if (!v) st.newValues++;
            else if (!same(v.value, r.value) || !same(v.count, r.count) || !same(v.denominator, r.denominator) || (r.lower95 !== null && !same(v.lower95, r.lower95)) || (r.upper95 !== null && !same(v.upper95, r.upper95)) || (v.valueNote ?? null) !== (r.valueNote ?? null)) st.changedValues++;
          }
        }, () => {
          if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The check for updates was cancelled; your library is unchanged.');
        });
      }
      for (const f of indicators) {
        const st = stats.get(f.indicatorId)!;
        const newer = st.latestPeriod !== null && (f.latestSortable === null || st.latestSortable > f.latestSortable);
        out.push({
          indicatorId: f.indicatorId,
          indicatorName: f.name,
          status: newer ? 'newer-period' : st.newValues + st.changedValues > 0 ? 'changed-values' : 'unchanged',
          source,
          request: asked,
          libraryLatestPeriod: f.latestPeriod,
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
