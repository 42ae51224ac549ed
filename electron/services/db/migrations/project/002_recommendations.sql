-- Chapters can be deleted and restored (undo): a deleted chapter keeps its text until purged.
ALTER TABLE chapters ADD COLUMN deleted_at TEXT;

-- The project's partner directory: who can own a recommendation.
CREATE TABLE partners (
  code TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(code)) BETWEEN 1 AND 40),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('local-authority', 'nhs-trust', 'icb', 'ccg', 'nhs-england', 'board', 'police', 'youth-justice', 'voluntary', 'other')),
  successor TEXT REFERENCES partners (code) ON UPDATE CASCADE ON DELETE SET NULL,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every recommendation ever in the document, derived from the chapter documents on each save.
-- A recommendation deleted from the text stays here (in_document = 0) with its history.
CREATE TABLE recommendations (
  id TEXT PRIMARY KEY,
  chapter_id TEXT NOT NULL REFERENCES chapters (id),
  section TEXT,
  text TEXT NOT NULL,
  position INTEGER NOT NULL,
  in_document INTEGER NOT NULL DEFAULT 1 CHECK (in_document IN (0, 1)),
  removed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX recommendations_by_chapter ON recommendations (chapter_id, position);

CREATE TABLE recommendation_partners (
  recommendation_id TEXT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
  partner_code TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  PRIMARY KEY (recommendation_id, partner_code)
) WITHOUT ROWID, STRICT;
CREATE INDEX recommendation_partners_by_partner ON recommendation_partners (partner_code, recommendation_id);

-- Status tracking: an append-only history. The register shows the latest row per recommendation.
CREATE TABLE recommendation_updates (
  seq INTEGER PRIMARY KEY,
  recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Not started', 'In progress', 'Complete', 'Not progressing', 'Superseded')),
  rag TEXT CHECK (rag IN ('Red', 'Amber', 'Green')),
  due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),
  lead_contact TEXT,
  note TEXT
) STRICT;
CREATE INDEX recommendation_updates_latest ON recommendation_updates (recommendation_id, seq);

CREATE TRIGGER recommendation_updates_append_only_update BEFORE UPDATE ON recommendation_updates
BEGIN
  SELECT RAISE(ABORT, 'recommendation status history is append-only');
END;
CREATE TRIGGER recommendation_updates_append_only_delete BEFORE DELETE ON recommendation_updates
BEGIN
  SELECT RAISE(ABORT, 'recommendation status history is append-only');
END;
