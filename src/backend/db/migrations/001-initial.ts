// Schema 1: import batches, source records, rejected rows, population records, users, audit events.

const personColumns = `
  full_name TEXT NOT NULL,
  family_name TEXT,
  middle_name TEXT,
  given_name TEXT,
  name_key TEXT NOT NULL,
  dob TEXT,
  dob_precision TEXT CHECK (dob_precision IN ('day', 'month', 'year')),
  sex TEXT CHECK (sex IN ('M', 'F')),
  id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 12),
  legacy_id TEXT CHECK (legacy_id IS NULL OR length(legacy_id) = 9),
  residence TEXT,
  residence_province_code TEXT,
  residence_commune_code TEXT,
  residence_scheme TEXT CHECK (residence_scheme IN ('pre2025', 'post2025')),
  hometown TEXT,
  ethnicity TEXT,
  father_name TEXT,
  mother_name TEXT,
  spouse_name TEXT,
  vital_status TEXT CHECK (vital_status IN ('alive', 'deceased')),
  death_date TEXT`

export const sql = `
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'clerk')),
  password_hash TEXT,
  public_key TEXT,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  encoding_detected TEXT,
  encoding_used TEXT,
  delimiter TEXT,
  mapping_json TEXT,
  rows_read INTEGER NOT NULL,
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  warnings_json TEXT NOT NULL DEFAULT '{}',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  CHECK (rows_read = rows_accepted + rows_rejected)
) STRICT;
CREATE INDEX import_batch_sha ON import_batch (file_sha256);

CREATE TABLE source_record (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL,
  record_key TEXT,
  raw_json TEXT NOT NULL,${personColumns},
  registration_number TEXT,
  event_date TEXT,
  event_place TEXT,
  warnings_json TEXT,
  UNIQUE (batch_id, row_number)
) STRICT;
CREATE INDEX source_record_name ON source_record (name_key);
CREATE INDEX source_record_id_number ON source_record (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE rejected_row (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL,
  raw_text TEXT NOT NULL,
  reasons_json TEXT NOT NULL,
  UNIQUE (batch_id, row_number)
) STRICT;

CREATE TABLE population_record (
  id INTEGER PRIMARY KEY,
  record_key TEXT NOT NULL UNIQUE,
  batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  row_number INTEGER,${personColumns},
  version INTEGER NOT NULL DEFAULT 1,
  snapshot_at TEXT NOT NULL,
  raw_json TEXT
) STRICT;
CREATE INDEX population_record_name ON population_record (name_key);
CREATE INDEX population_record_id_number ON population_record (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX population_record_batch ON population_record (batch_id);

CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  detail_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
`
