import type Database from 'better-sqlite3';

/**
 * Writing values: a file's rows are staged in a temporary table, then merged into indicator_values
 * set-based — a row replaces only the stored row with the same key (series = indicator, sex, age,
 * category type and category; area; period), rows the file does not cover stay, and every stored
 * row it changes is first copied to value_history under its own vintage. A staged row equal to the
 * stored one changes nothing (it keeps its vintage).
 */

/** The stored columns of a value, in indicator_values' order (the key first). */
export const KEY_COLUMNS = ['series_id', 'area_id', 'period_sortable', 'period'] as const;
export const DATA_COLUMNS = [
  'value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator', 'value_note', 'ci_method',
  'compared_england', 'compared_parent', 'compared_goal', 'recent_trend',
] as const;
export const VALUE_COLUMNS = [...KEY_COLUMNS, ...DATA_COLUMNS, 'vintage_id'] as const;
/** Staged rows also carry their file line, for messages. */
export const STAGED_COLUMNS = [...VALUE_COLUMNS, 'line'] as const;

const keyJoin = (a: string, b: string) => KEY_COLUMNS.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
/** True when any data column differs (NULL-safe). */
export const differs = (a: string, b: string) => `(${DATA_COLUMNS.map((c) => `${a}.${c} IS NOT ${b}.${c}`).join(' OR ')})`;

export interface VintageChange {
  vintageId: number;
  added: number;
  updated: number;
  unchanged: number;
}

export interface ChangedPair {
  vintageId: number;
  areaCode: string;
}

/** Creates the staging table for this connection's transaction (temporary: never in the library file). */
export function createStaging(db: Database.Database): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS staged_values (
    series_id INTEGER NOT NULL, area_id INTEGER NOT NULL, period_sortable INTEGER NOT NULL, period TEXT NOT NULL,
    ${DATA_COLUMNS.map((c) => `${c} ANY`).join(', ')}, vintage_id INTEGER NOT NULL, line INTEGER NOT NULL,
    PRIMARY KEY (series_id, area_id, period_sortable, period)) WITHOUT ROWID`);
  db.exec('DELETE FROM temp.staged_values');
}

export function dropStaging(db: Database.Database): void {
  db.exec('DROP TABLE IF EXISTS temp.staged_values');
}

/** Rows of a series new in this file: nothing to replace, so straight into indicator_values. */
export function insertValuesSql(rows: number): string {
  const row = `(${new Array(VALUE_COLUMNS.length).fill('?').join(', ')})`;
  return `INSERT INTO indicator_values (${VALUE_COLUMNS.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`;
}

export function insertStagedSql(rows: number): string {
  const row = `(${new Array(STAGED_COLUMNS.length).fill('?').join(', ')})`;
  return `INSERT INTO temp.staged_values (${STAGED_COLUMNS.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`;
}

/**
 * Merges the staged rows into the library and empties the staging table. Returns, per vintage,
 * how many values it added, updated and left unchanged, and which areas' values changed.
 */
export function mergeStaged(db: Database.Database): { changes: VintageChange[]; pairs: ChangedPair[] } {
  const changes = db
    .prepare(
      `SELECT s.vintage_id AS vintageId, sum(c.series_id IS NULL) AS added,
         sum(c.series_id IS NOT NULL AND ${differs('c', 's')}) AS updated,
         sum(c.series_id IS NOT NULL AND NOT ${differs('c', 's')}) AS unchanged
       FROM temp.staged_values s LEFT JOIN indicator_values c ON ${keyJoin('c', 's')}
       GROUP BY s.vintage_id`,
    )
    .all() as VintageChange[];
  const pairs = db
    .prepare(
      `SELECT DISTINCT s.vintage_id AS vintageId, a.code AS areaCode
       FROM temp.staged_values s LEFT JOIN indicator_values c ON ${keyJoin('c', 's')} JOIN areas a ON a.id = s.area_id
       WHERE c.series_id IS NULL OR ${differs('c', 's')}`,
    )
    .all() as ChangedPair[];
  // The values about to be replaced, as their vintage had them. A value superseded twice by the
  // same vintage (two files of one import) keeps its first copy.
  db.prepare(
    `INSERT INTO value_history (vintage_id, superseded_by, ${[...KEY_COLUMNS, ...DATA_COLUMNS].join(', ')})
     SELECT c.vintage_id, s.vintage_id, ${[...KEY_COLUMNS, ...DATA_COLUMNS].map((k) => `c.${k}`).join(', ')}
     FROM temp.staged_values s JOIN indicator_values c ON ${keyJoin('c', 's')}
     WHERE ${differs('c', 's')} AND c.vintage_id <> s.vintage_id
     ON CONFLICT DO NOTHING`,
  ).run();
  db.prepare(
    `INSERT INTO indicator_values (${VALUE_COLUMNS.join(', ')})
     SELECT ${VALUE_COLUMNS.join(', ')} FROM temp.staged_values WHERE true
     ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET
       ${[...DATA_COLUMNS, 'vintage_id'].map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE ${differs('indicator_values', 'excluded')}`,
  ).run();
  db.exec('DELETE FROM temp.staged_values');
  return { changes, pairs };
}
