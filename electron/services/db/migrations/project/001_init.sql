-- A JSNA project: its settings and its chapters (tiptap JSON documents).
CREATE TABLE project_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE chapters (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  position INTEGER NOT NULL,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  revision INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX chapters_by_position ON chapters (position);
