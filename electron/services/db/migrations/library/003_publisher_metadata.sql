-- Metadata at the 'metadata' level came either from a metadata file the analyst imported or from
-- the publisher, with a Fingertips fetch. The publisher's may be refreshed by a later fetch; the
-- analyst's (their file, their edits) never is. One flag for the descriptive fields (unit, value
-- type, definition, source), one for the judgements (polarity, comparison method): an analyst's
-- file may set either without the other.
ALTER TABLE indicators ADD COLUMN metadata_by_publisher INTEGER NOT NULL DEFAULT 0 CHECK (metadata_by_publisher IN (0, 1));
ALTER TABLE indicators ADD COLUMN polarity_by_publisher INTEGER NOT NULL DEFAULT 0 CHECK (polarity_by_publisher IN (0, 1));
