-- Metadata (unit, value type, definition, source, polarity) at the 'metadata' level came either from
-- a metadata file the analyst imported or from the publisher, with a Fingertips fetch. The
-- publisher's may be refreshed by a later fetch; the analyst's (their file, their edits) never is.
ALTER TABLE indicators ADD COLUMN metadata_by_publisher INTEGER NOT NULL DEFAULT 0 CHECK (metadata_by_publisher IN (0, 1));
