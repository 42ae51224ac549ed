import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { RestoreSummary, VintageInfo } from '../../../shared/api/library';
import { prepared } from './prepared';
import { createStaging, DATA_COLUMNS, dropStaging, KEY_COLUMNS, mergeStaged } from './valueWriter';

/**
 * Vintages: one imported file's contribution to one indicator. Every vintage's values are kept —
 * those still current in indicator_values, the rest in value_history — so a vintage can be listed
 * with what it changed and restored.
 */

const VINTAGE_COLUMNS = `v.id, v.indicator_id AS indicatorId, v.file_name AS fileName, v.sha256, v.format, v.imported_at AS importedAt,
  v.rows, v.added, v.updated, v.restored_from AS restoredFrom`;

export function insertVintage(db: Database.Database, v: { indicatorId: string; fileName: string; sha256: string; format: 'fingertips' | 'tidy'; importedAt: string; restoredFrom?: number }): number {
  return (
    prepared(
      db,
      'INSERT INTO vintages (indicator_id, file_name, sha256, format, imported_at, rows, restored_from) VALUES (?, ?, ?, ?, ?, 0, ?) RETURNING id',
    ).get(v.indicatorId, v.fileName, v.sha256, v.format, v.importedAt, v.restoredFrom ?? null) as { id: number }
  ).id;
}

export function recordVintageChanges(db: Database.Database, id: number, rows: number, added: number, updated: number): void {
  prepared(db, 'UPDATE vintages SET rows = ?, added = ?, updated = ? WHERE id = ?').run(rows, added, updated, id);
}

/** Until a file read once has been read to the end, its vintages carry this in place of its sha256. */
export const SHA256_PENDING = '0'.repeat(64);

export function setVintageSha256(db: Database.Database, ids: number[], sha256: string): void {
  const set = prepared(db, 'UPDATE vintages SET sha256 = ? WHERE id = ?');
  for (const id of ids) set.run(sha256, id);
}

/** Only a library with vintages can already hold a file being imported. */
export function hasVintages(db: Database.Database): boolean {
  return prepared(db, 'SELECT 1 FROM vintages LIMIT 1').get() !== undefined;
}

/** True when a file (by sha256) is already the newest vintage of every indicator it gave: importing it again is skipped. */
export function isNewestVintageOfAll(db: Database.Database, sha256: string): boolean {
  const rows = prepared(
    db,
    `SELECT v.indicator_id AS indicatorId, v.id = (SELECT max(id) FROM vintages w WHERE w.indicator_id = v.indicator_id) AS latest
     FROM vintages v WHERE v.sha256 = ?`,
  ).all(sha256) as { indicatorId: string; latest: number }[];
  if (rows.length === 0) return false;
  const latestFor = new Map<string, boolean>();
  for (const r of rows) latestFor.set(r.indicatorId, (latestFor.get(r.indicatorId) ?? false) || r.latest === 1);
  return [...latestFor.values()].every(Boolean);
}

/** Every sha256 for which {@link isNewestVintageOfAll} is true now: for a file whose sha256 is known only once it is read. */
export function newestOfAllSha256s(db: Database.Database): Set<string> {
  const rows = prepared(
    db,
    `WITH newest AS (SELECT indicator_id, sha256 FROM vintages WHERE id IN (SELECT max(id) FROM vintages GROUP BY indicator_id))
     SELECT v.sha256 AS sha256 FROM vintages v LEFT JOIN newest n ON n.indicator_id = v.indicator_id AND n.sha256 = v.sha256
     GROUP BY v.sha256 HAVING count(*) = count(n.indicator_id)`,
  ).all() as { sha256: string }[];
  return new Set(rows.map((r) => r.sha256));
}

/** A vintage that changed no value is not kept: importing the same file again changes nothing. */
export function dropVintage(db: Database.Database, id: number): void {
  prepared(db, 'DELETE FROM vintages WHERE id = ?').run(id);
}

/** Vintages, newest first, with how many of each one's values are still current. */
export function listVintages(db: Database.Database, indicatorId?: string): VintageInfo[] {
  const rows = prepared(
    db,
    `SELECT ${VINTAGE_COLUMNS},
       (SELECT count(*) FROM indicator_values c WHERE c.vintage_id = v.id) AS current
     FROM vintages v WHERE @id IS NULL OR v.indicator_id = @id ORDER BY v.id DESC`,
  ).all({ id: indicatorId ?? null }) as VintageInfo[];
  if (indicatorId !== undefined && rows.length === 0 && !prepared(db, 'SELECT 1 FROM indicators WHERE id = ?').get(indicatorId)) {
    throw new AppError('NOT_FOUND', `Indicator ${indicatorId} is not in the indicator library.`, { indicatorId });
  }
  return rows;
}

export function getVintage(db: Database.Database, id: number): VintageInfo {
  const v = prepared(
    db,
    `SELECT ${VINTAGE_COLUMNS}, (SELECT count(*) FROM indicator_values c WHERE c.vintage_id = v.id) AS current FROM vintages v WHERE v.id = ?`,
  ).get(id) as VintageInfo | undefined;
  if (!v) throw new AppError('NOT_FOUND', `Vintage ${id} is not in the indicator library.`, { vintageId: id });
  return v;
}

/**
 * Puts back the values as vintage `id` had them, for the rows it covered, as a new vintage (so the
 * restore is itself undone by restoring the vintage that was current before). The values it
 * replaces go to value_history like any import's: nothing is lost. One transaction. A vintage whose
 * values are all current already is refused (CONFLICT): restoring it would record an empty vintage.
 */
export function restoreVintage(db: Database.Database, id: number, now = new Date()): RestoreSummary {
  const old = getVintage(db, id);
  const cols = [...KEY_COLUMNS, ...DATA_COLUMNS];
  const run = db.transaction((): RestoreSummary => {
    createStaging(db);
    const importedAt = now.toISOString();
    const restoredId = insertVintage(db, {
      indicatorId: old.indicatorId,
      fileName: old.fileName,
      sha256: old.sha256,
      format: old.format,
      importedAt,
      restoredFrom: old.id,
    });
    // Its values still current (which stay as they are) and those replaced since.
    db.prepare(
      `INSERT INTO temp.staged_values (${cols.join(', ')}, vintage_id, line)
       SELECT ${cols.join(', ')}, ?, 0 FROM value_history WHERE vintage_id = ?`,
    ).run(restoredId, old.id);
    const { changes } = mergeStaged(db);
    dropStaging(db);
    const c = changes[0] ?? { added: 0, updated: 0, unchanged: 0 };
    if (c.added + c.updated === 0) {
      // Thrown inside the transaction: the vintage just inserted goes with it.
      throw new AppError(
        'CONFLICT',
        `Vintage ${old.id} (${old.fileName}) has nothing to restore: the library already has its values. Nothing was changed.`,
        { vintageId: old.id },
      );
    }
    const rows = c.added + c.updated + c.unchanged + old.current;
    recordVintageChanges(db, restoredId, rows, c.added, c.updated);
    refreshIndicatorStats(db, old.indicatorId);
    // Its values changed (c.added + c.updated > 0): "updated" as an import that changed them would be.
    prepared(db, 'UPDATE indicators SET updated_at = ? WHERE id = ?').run(importedAt, old.indicatorId);
    prepared(db, "INSERT INTO library_meta (key, value) VALUES ('last_import_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(importedAt);
    return { vintage: getVintage(db, restoredId), added: c.added, updated: c.updated, unchanged: c.unchanged + old.current };
  });
  return run.immediate();
}

/** Row count and latest period of an indicator, over all its values (set-based). */
export function refreshIndicatorStats(db: Database.Database, indicatorId: string): void {
  prepared(
    db,
    `UPDATE indicators SET
       row_count = (SELECT count(*) FROM series s JOIN indicator_values v ON v.series_id = s.id WHERE s.indicator_id = @id),
       (latest_period, latest_period_sortable) = (SELECT v.period, v.period_sortable FROM series s JOIN indicator_values v ON v.series_id = s.id
          WHERE s.indicator_id = @id ORDER BY v.period_sortable DESC, v.period DESC LIMIT 1)
     WHERE id = @id`,
  ).run({ id: indicatorId });
}
