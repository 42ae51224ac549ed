-- Every Fingertips request an indicator was fetched with (area type, parent type; named as its
-- vintages are), also when the answer changed nothing (the same values as a file imported before,
-- so no vintage was recorded): "Check for updates" asks each of them again.
CREATE TABLE fingertips_requests (
  indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  request TEXT NOT NULL,
  first_fetched_at TEXT NOT NULL,
  last_fetched_at TEXT NOT NULL,
  PRIMARY KEY (indicator_id, request)
) STRICT, WITHOUT ROWID;
