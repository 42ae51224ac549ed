-- Issue 10 item 2 and issue 14: a file replaces only the rows it covers, every earlier vintage's
-- values are kept (value_history), and the publisher's comparison and trend labels are stored
-- verbatim with the indicator's comparison method.

-- The file's other labels, verbatim ("Compared to goal", "Recent Trend").
ALTER TABLE indicator_values ADD COLUMN compared_goal TEXT;
ALTER TABLE indicator_values ADD COLUMN recent_trend TEXT;

-- How this indicator is compared (Fingertips' methods, shared/library/comparison.ts), where from,
-- and whether modelled, aggregated or CI-less values may be compared or given computed CIs.
ALTER TABLE indicators ADD COLUMN comparison_method TEXT
  CHECK (comparison_method IN ('ci-overlap-95', 'ci-overlap-99.8', 'quintiles', 'goal', 'not-compared'));
ALTER TABLE indicators ADD COLUMN comparison_method_source TEXT
  CHECK (comparison_method_source IN ('author', 'metadata', 'inferred'));
ALTER TABLE indicators ADD COLUMN compute_for_estimates INTEGER NOT NULL DEFAULT 0 CHECK (compute_for_estimates IN (0, 1));
-- A target for comparison method 'goal' (the value at or beyond which an area meets it).
ALTER TABLE indicators ADD COLUMN goal REAL;

-- A vintage made by restoring an earlier one (library restore-vintage) names it; its file name and
-- sha256 are the restored vintage's. What each vintage changed, for the vintages list.
ALTER TABLE vintages ADD COLUMN restored_from INTEGER;
ALTER TABLE vintages ADD COLUMN added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE vintages ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;

-- Values that a later vintage replaced, exactly as their own vintage had them. A vintage's values
-- are its rows still in indicator_values plus its rows here; nothing an import replaces is lost.
-- Written set-based by the import (one INSERT … SELECT per file), never row by row.
CREATE TABLE value_history (
  -- The vintage these values came from, and the one that replaced them.
  vintage_id INTEGER NOT NULL,
  superseded_by INTEGER NOT NULL,
  series_id INTEGER NOT NULL,
  area_id INTEGER NOT NULL,
  period_sortable INTEGER NOT NULL,
  period TEXT NOT NULL,
  value REAL,
  lower95 REAL,
  upper95 REAL,
  lower998 REAL,
  upper998 REAL,
  count REAL,
  denominator REAL,
  value_note TEXT,
  ci_method TEXT,
  compared_england TEXT,
  compared_parent TEXT,
  compared_goal TEXT,
  recent_trend TEXT,
  PRIMARY KEY (vintage_id, series_id, area_id, period_sortable, period)
) STRICT, WITHOUT ROWID;
