-- An indicator library, shared by several projects.
CREATE TABLE library_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
