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
import { type FetchedIndicator, fetchedIndicators } from './fetchedRequests';
import { parseRequestName } from './requestName';
import { requestScope, valueKey, type Withdrawn } from './withdrawnValues';

/** Requests in flight at once: the answers overlap each other and the comparing, politely few. */
const ASK_AT_ONCE = 3;

export type UpdateCheck = FingertipsUpdateCheck;

const same = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** A problem with one request's answer (Fingertips' 4xx, or a file the importer rejects), not with reaching Fingertips. */
const isRequestProblem = (e: unknown): e is AppError => e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'BAD_INPUT');

/** The answer was read and has no row of this indicator: nothing to say it is up to date. */
const NO_ROWS = (id: string) => `Fingertips' answer has no rows for indicator ${id}.`;

/** What one answer holds for one indicator, against what the library has of it. */
interface AnswerStats {
  latestSortable: number;
  latestPeriod: string | null;
  /** The latest period the library has among the answer's rows (what this request gave before). */
  haveSortable: number;
  havePeriod: string | null;
  newValues: number;
  changedValues: number;
  /** Values the library has from this request that the answer no longer has (withdrawnValues.ts). */
  withdrawn: Withdrawn;
  /** Rows of this indicator in the answer (-1: the answer is the very file of its vintage, not read). */
  rows: number;
}

const NONE_WITHDRAWN: Withdrawn = { count: 0, examples: [] };

/** Newer first; then new or changed values; then values the answer no longer has (they stay in the library). */
function statusOf(newer: boolean, st: AnswerStats): UpdateCheck['status'] {
  if (newer) return 'newer-period';
  if (st.newValues + st.changedValues > 0) return 'changed-values';
  return st.withdrawn.count > 0 ? 'withdrawn-values' : 'unchanged';
}

/**
 * Asks Fingertips again, request by request (a few at once, compared in order), for every indicator in the library that came from it,
 * and says which have a newer period or changed values, and how many of the values the library has
 * from that request Fingertips' answer no longer has (withdrawn: counted and named, never deleted).
 * Reads only: the library is not changed (the answers are streamed to temporary files, compared
 * with the library and deleted). A request
 * Fingertips answers without data (400/404/410), or with a file the importer rejects, or whose answer
 * has no row of an indicator, is listed as 'not-checked' with the reason and the rest are still
 * checked; Fingertips unreachable, a cancel, or no request answered at all ends the check with an error.
 */
export async function checkUpdates(client: FingertipsClient, libraryPath: string, opts: { signal?: AbortSignal | undefined; onProgress?: (p: { label: string; done: number; total: number }) => void } = {}): Promise<UpdateCheck[]> {
  const library = openLibrary(libraryPath, { readOnly: true });
  const dir = mkdtempSync(join(tmpdir(), 'jsna-fingertips-check-'));
  try {
    const byRequest = new Map<string, FetchedIndicator[]>();
    for (const f of fetchedIndicators(library.db)) {
      if (!parseRequestName(f.fileName)) continue;
      byRequest.set(f.fileName, [...(byRequest.get(f.fileName) ?? []), f]);
    }
    const compare = answerComparer(library.db, opts.signal);
    const out: UpdateCheck[] = [];
    const requests = [...byRequest];
    const answers = downloadAhead(
      requests,
      ASK_AT_ONCE,
      async ([source], i, signal): Promise<{ path: string; problem: null } | { path: null; problem: string }> => {
        // Ask again exactly as before, so an unchanged answer is the very same file (same sha256).
        const path = join(dir, `check-${i + 1}.csv`);
        try {
          await client.downloadData(parseRequestName(source)!, path, { signal });
          return { path, problem: null };
        } catch (e) {
          // Fingertips answered, without data for this request: the others are still asked.
          if (isRequestProblem(e)) return { path: null, problem: e.message };
          throw e;
        }
      },
      opts.signal,
    );
    let done = 0;
    opts.onProgress?.({ label: 'Asking Fingertips', done, total: requests.length });
    for await (const answer of answers) {
      const [source, indicators] = requests[done]!;
      const request = parseRequestName(source)!;
      // Not `done++` in the call's arguments: `?.()` skips evaluating them when there is no onProgress.
      opts.onProgress?.({ label: `Comparing with your library: ${source.replace(/^Fingertips API: /, '')}`, done, total: requests.length });
      done++;
      let stats: Map<string, AnswerStats> | null = null;
      let problem = answer.problem;
      if (answer.path !== null) {
        try {
          stats = await compare(answer.path, source, indicators);
        } catch (e) {
          // An answer the importer would reject (named with its line): this request is not checked.
          if (!isRequestProblem(e)) throw e;
          problem = e.message;
        } finally {
          rmSync(answer.path, { force: true });
        }
      }
      for (const f of indicators) {
        const base = { indicatorId: f.indicatorId, indicatorName: f.name, source, request };
        const st = stats?.get(f.indicatorId);
        if (!st || st.rows === 0) {
          out.push({ ...base, status: 'not-checked', problem: problem ?? NO_ROWS(f.indicatorId), libraryLatestPeriod: f.latestPeriod, fingertipsLatestPeriod: null, newValues: 0, changedValues: 0, withdrawnValues: 0, withdrawnExamples: [] });
          continue;
        }
        // Compared with what the library has of this request (the very file of its vintage: nothing changed).
        const had = st.havePeriod !== null ? { sortable: st.haveSortable, period: st.havePeriod } : { sortable: f.latestSortable, period: f.latestPeriod };
        const newer = st.latestPeriod !== null && (had.sortable === null || st.latestSortable > had.sortable);
        out.push({
          ...base,
          status: statusOf(newer, st),
          libraryLatestPeriod: had.period,
          fingertipsLatestPeriod: st.latestPeriod ?? f.latestPeriod,
          newValues: st.newValues,
          changedValues: st.changedValues,
          withdrawnValues: st.withdrawn.count,
          withdrawnExamples: st.withdrawn.examples,
        });
      }
    }
    // Not one request answered with data (a wrong address that answers 404, say): that is an error, not a list.
    const unanswered = out.filter((c) => c.status === 'not-checked');
    if (out.length > 0 && unanswered.length === out.length) {
      throw new AppError(
        'NOT_FOUND',
        `Fingertips answered none of the ${requests.length} request${requests.length === 1 ? '' : 's'} with data; your library is unchanged. ${unanswered[0]!.source}: ${unanswered[0]!.problem}`,
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    library.close();
  }
}

/**
 * Reads one answer (through the strict importer's reader, so a file it would reject is rejected
 * here, with its line) and compares each row with the library: per indicator, the latest period in
 * the answer and in the library among the answer's rows, how many values are new or changed, and
 * how many of the values the library has from this request the answer lacks. The very file of each
 * indicator's newest vintage of this request is not read (nothing changed, nothing withdrawn) unless
 * the indicator still shows values of an earlier, different file of this request: an Update merges,
 * so values an earlier answer had stay, and the answer must be read to find them.
 */
function answerComparer(db: Database.Database, signal: AbortSignal | undefined) {
  const series = db.prepare('SELECT id FROM series WHERE indicator_id = ? AND sex = ? AND age = ? AND category_type = ? AND category = ?');
  const area = db.prepare('SELECT id FROM areas WHERE code = ?');
  const value = db.prepare(
    'SELECT value, lower95, upper95, count, denominator, value_note AS valueNote, vintage_id AS vintageId FROM indicator_values WHERE series_id = ? AND area_id = ? AND period_sortable = ? AND period = ?',
  );
  const scope = requestScope(db);
  type Stored = { value: number | null; lower95: number | null; upper95: number | null; count: number | null; denominator: number | null; valueNote: string | null; vintageId: number };
  return async (path: string, source: string, indicators: readonly FetchedIndicator[]): Promise<Map<string, AnswerStats>> => {
    const facts = await inspectTextFile(path, source);
    const stats = new Map<string, AnswerStats>(
      indicators.map((f) => [f.indicatorId, { latestSortable: -Infinity, latestPeriod: null, haveSortable: -Infinity, havePeriod: null, newValues: 0, changedValues: 0, withdrawn: NONE_WITHDRAWN, rows: -1 }]),
    );
    const vintages = new Map(indicators.map((f) => [f.indicatorId, scope.vintages(f.indicatorId, source)]));
    if (indicators.every((f) => f.sha256 === facts.sha256 && !scope.holdsOtherFiles(f.indicatorId, source, vintages.get(f.indicatorId)!, facts.sha256))) return stats;
    for (const st of stats.values()) st.rows = 0;
    // Per indicator: this request's vintages, and the keys of the answer's rows the library has from them.
    const ofRequest = new Map(indicators.map((f) => [f.indicatorId, new Set(vintages.get(f.indicatorId)!.map((v) => v.id))]));
    const answered = new Map(indicators.map((f) => [f.indicatorId, new Set<string>()]));
    await readDataFile(
      facts,
      'fingertips',
      (rows) => {
        for (const r of rows) {
          const st = stats.get(r.indicatorId);
          if (!st) continue;
          st.rows++;
          if (r.periodSortable > st.latestSortable) {
            st.latestSortable = r.periodSortable;
            st.latestPeriod = r.period;
          }
          const s = series.get(r.indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number } | undefined;
          const a = s && (area.get(r.areaCode) as { id: number } | undefined);
          const v = a && (value.get(s.id, a.id, r.periodSortable, r.period) as Stored | undefined);
          if (v && ofRequest.get(r.indicatorId)!.has(v.vintageId)) answered.get(r.indicatorId)!.add(valueKey(s.id, a.id, r.periodSortable, r.period));
          if (v && r.periodSortable > st.haveSortable) {
            st.haveSortable = r.periodSortable;
            st.havePeriod = r.period;
          }
          if (!v) st.newValues++;
          else if (
            !same(v.value, r.value) ||
            !same(v.count, r.count) ||
            !same(v.denominator, r.denominator) ||
            (r.lower95 !== null && !same(v.lower95, r.lower95)) ||
            (r.upper95 !== null && !same(v.upper95, r.upper95)) ||
            (v.valueNote ?? null) !== (r.valueNote ?? null)
          )
            st.changedValues++;
        }
      },
      () => {
        if (signal?.aborted) throw new AppError('CANCELLED', 'The check for updates was cancelled; your library is unchanged.');
      },
    );
    // An indicator the answer has no row of is not checked (checkUpdates): nothing is said withdrawn.
    for (const [id, st] of stats) if (st.rows > 0) st.withdrawn = scope.withdrawn(id, source, answered.get(id)!);
    return stats;
  };
}
