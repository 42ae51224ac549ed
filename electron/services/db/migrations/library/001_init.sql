-- An indicator library, shared by several projects: indicators (with their metadata), areas, the
-- files they came from (vintages) and their values, imported from OHID Fingertips downloads and
-- analysts' tidy CSVs (electron/services/library/).
--
-- Shaped for the one query charts make (electron/services/library/query.ts):
--   one indicator × one breakdown (sex, age, category) × area(s) + comparator, all periods,
--   sorted by period_sortable.
-- A breakdown of an indicator is a `series` row, so a value's key is four small columns and the
-- query is one seek per area into the clustered primary key of indicator_values.

CREATE TABLE library_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE indicators (
  -- Fingertips IDs are integers ("93356"); analysts' own indicators may use any text ("SCH-01").
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name TEXT NOT NULL,
  unit TEXT,
  polarity TEXT CHECK (polarity IN ('high-is-good', 'low-is-good', 'no-judgement')),
  -- 'author' (edited in the app) > 'metadata' (a metadata CSV) > 'inferred' (a Fingertips file's labels).
  polarity_source TEXT CHECK (polarity_source IN ('author', 'metadata', 'inferred')),
  value_type TEXT NOT NULL DEFAULT 'other' CHECK (value_type IN ('proportion', 'rate', 'count', 'other')),
  multiplier REAL CHECK (multiplier > 0),
  definition TEXT,
  source TEXT,
  illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
  -- Where unit, value_type and multiplier came from: inferred from a data 'file', a 'metadata' CSV or
  -- the 'author'. Data imports only refresh them while this is 'file'.
  meta_source TEXT NOT NULL DEFAULT 'file' CHECK (meta_source IN ('file', 'metadata', 'author')),
  -- Kept by each import so that listing indicators never scans indicator_values.
  row_count INTEGER NOT NULL DEFAULT 0,
  latest_period TEXT,
  latest_period_sortable INTEGER,
  updated_at TEXT NOT NULL,
  CHECK ((polarity IS NULL) = (polarity_source IS NULL))
) STRICT;

CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  -- ONS code, e.g. E06000016 (Leicester), E92000001 (England).
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 50),
  name TEXT NOT NULL,
  area_type TEXT,
  -- The parent named by the latest file that gave one (Fingertips' "Parent Code").
  parent_code TEXT
) STRICT;

-- One breakdown of an indicator. Empty text, never NULL, for "no category", so UNIQUE holds.
CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  sex TEXT NOT NULL,
  age TEXT NOT NULL,
  category_type TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, sex, age, category_type, category)
) STRICT;

-- One imported file's contribution to one indicator. A newer file replaces the indicator's values
-- and adds a vintage; the newest vintage of an indicator says which file its values came from.
CREATE TABLE vintages (
  id INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  format TEXT NOT NULL CHECK (format IN ('fingertips', 'tidy')),
  imported_at TEXT NOT NULL,
  rows INTEGER NOT NULL CHECK (rows >= 0)
) STRICT;

CREATE INDEX vintages_by_indicator ON vintages (indicator_id, id);
CREATE INDEX vintages_by_sha256 ON vintages (sha256);

-- The values. Clustered on (series, area, period): a chart's rows for one area are one contiguous
-- range already in period order, so the query reads only the pages it returns and sorts nothing.
-- No foreign keys here: the import (one transaction) is the only writer and keeps series_id,
-- area_id and vintage_id valid; checking three parents for each of millions of rows would slow it.
CREATE TABLE indicator_values (
  series_id INTEGER NOT NULL,
  area_id INTEGER NOT NULL,
  -- Fingertips' "Time period Sortable": YYYYQQMM from the start of the period. Sort by this.
  period_sortable INTEGER NOT NULL,
  -- As published ("2015 - 17", "2019/20"). Display this.
  period TEXT NOT NULL,
  -- NULL when suppressed or missing (never 0); value_note says why.
  value REAL,
  lower95 REAL,
  upper95 REAL,
  lower998 REAL,
  upper998 REAL,
  count REAL,
  denominator REAL,
  value_note TEXT,
  -- 'file' when the file gave the 95% CI; else the method that computed it from count/denominator.
  ci_method TEXT CHECK (ci_method IN ('file', 'wilson', 'byar', 'exact-poisson')),
  -- The file's own labels ("Better", "Similar", …), kept to check our significance against them
  -- and to infer polarity.
  compared_england TEXT,
  compared_parent TEXT,
  vintage_id INTEGER NOT NULL,
  PRIMARY KEY (series_id, area_id, period_sortable, period)
) STRICT, WITHOUT ROWID;
