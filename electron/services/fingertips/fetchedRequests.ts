import type Database from 'better-sqlite3';

/** One indicator as fetched with one request, and what the library has of it. */
export interface FetchedIndicator {
  indicatorId: string;
  name: string;
  /** The request's name (requestName), as its vintages are named. */
  fileName: string;
  /** The newest vintage of this request's sha256, or null when the request never changed the library. */
  sha256: string | null;
  latestPeriod: string | null;
  latestSortable: number | null;
}

/**
 * Records, in the fetch's own transaction, that these indicators were fetched with this request
 * (named as its vintages are), whether or not the answer changed anything.
 */
export function recordFetchedRequests(db: Database.Database, fetched: readonly { request: string; indicatorIds: readonly number[] }[], now: Date): void {
  const exists = db.prepare('SELECT 1 FROM indicators WHERE id = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO fingertips_requests (indicator_id, request, first_fetched_at, last_fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (indicator_id, request) DO UPDATE SET last_fetched_at = excluded.last_fetched_at`,
  );
  const at = now.toISOString();
  for (const { request, indicatorIds } of fetched) {
    // An indicator Fingertips had no data for is not in the library: nothing to check later.
    for (const id of indicatorIds) if (exists.get(String(id))) upsert.run(String(id), request, at, at);
  }
}

/**
 * Per indicator and per request it was fetched with, in the order first fetched: from the record
 * of requests, and (libraries fetched into before that record) from the vintages named
 * "Fingertips API: …". An indicator fetched for two area types is checked for both.
 */
export function fetchedIndicators(db: Database.Database): FetchedIndicator[] {
  return db
    .prepare(
      `WITH asked (indicator_id, request, first_at) AS (
         SELECT indicator_id, request, first_fetched_at FROM fingertips_requests
         UNION ALL
         SELECT v.indicator_id, v.file_name, min(v.imported_at) FROM vintages v
         WHERE v.file_name LIKE 'Fingertips API: %'
           AND NOT EXISTS (SELECT 1 FROM fingertips_requests r WHERE r.indicator_id = v.indicator_id AND r.request = v.file_name)
         GROUP BY v.indicator_id, v.file_name
       )
       SELECT a.indicator_id AS indicatorId, i.name AS name, a.request AS fileName,
              (SELECT v.sha256 FROM vintages v WHERE v.indicator_id = a.indicator_id AND v.file_name = a.request ORDER BY v.id DESC LIMIT 1) AS sha256,
              i.latest_period AS latestPeriod, i.latest_period_sortable AS latestSortable
       FROM asked a JOIN indicators i ON i.id = a.indicator_id
       ORDER BY a.first_at, a.request, i.name COLLATE NOCASE, i.id`,
    )
    .all() as FetchedIndicator[];
}
