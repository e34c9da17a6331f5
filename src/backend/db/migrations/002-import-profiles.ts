// Schema 2: saved column-mapping profiles, and what an import detected (confidence, sheet, header row and
// its cells: each record's raw_json is then the array of its cells, in header order).

export const sql = `
CREATE TABLE import_profile (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, name)
) STRICT;

ALTER TABLE import_batch ADD COLUMN encoding_confidence REAL;
ALTER TABLE import_batch ADD COLUMN sheet TEXT;
ALTER TABLE import_batch ADD COLUMN header_row INTEGER;
ALTER TABLE import_batch ADD COLUMN headers_json TEXT;
ALTER TABLE import_batch ADD COLUMN format TEXT NOT NULL DEFAULT 'csv';
`
